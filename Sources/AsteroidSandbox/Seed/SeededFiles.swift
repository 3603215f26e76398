import AsteroidModels
import Foundation

/// The files of an execution, generated from the execution itself and the template table below (so they need
/// no database table and are the same on every start with the same seed): what the agent was given
/// (`uploads`), fetched (`downloads`), wrote (`workspace`), screenshots (`debug`) and, for failed runs, a
/// trace (`tracing`). Executions that have not started have none. Contents are deterministic bytes of the
/// stated size.
enum SeededFiles {
    struct Template {
        var directory: String
        var name: String
        var mimeType: String
        var createdBy: String
        var sizes: ClosedRange<Int>

        init(_ directory: String, _ name: String, _ mimeType: String, _ createdBy: String, _ sizes: ClosedRange<Int>) {
            self.directory = directory
            self.name = name
            self.mimeType = mimeType
            self.createdBy = createdBy
            self.sizes = sizes
        }
    }

    private static let csv = "text/csv", pdf = "application/pdf", json = "application/json", png = "image/png"

    /// What each agent (by workflow name) works with: directory, name, MIME type, who made it, size range.
    static let byAgent: [String: [Template]] = [
        "Invoice Processor": [
            Template("uploads", "invoice.pdf", pdf, "user", 20_000...90_000),
            Template("workspace", "extracted-lines.csv", csv, "agent", 600...4_000),
            Template("downloads", "remittance-advice.pdf", pdf, "agent", 15_000...60_000),
        ],
        "Lead Enricher": [
            Template("workspace", "enriched-lead.json", json, "agent", 400...2_500),
            Template("downloads", "company-profile.html", "text/html", "agent", 8_000...40_000),
        ],
        "Support Ticket Triage": [Template("workspace", "triage-summary.md", "text/markdown", "agent", 300...2_000)],
        "Price Monitor": [
            Template("downloads", "price-history.csv", csv, "agent", 1_000...8_000),
            Template("workspace", "price-check.json", json, "agent", 200...900),
        ],
        "Onboarding Form Filler": [
            Template("uploads", "offer-letter.pdf", pdf, "user", 30_000...120_000),
            Template("downloads", "confirmation.pdf", pdf, "agent", 10_000...40_000),
        ],
    ]
    /// Any other agent's (the catalog's `Shipment Tracker`).
    static let otherAgent = [Template("downloads", "tracking-status.json", json, "agent", 300...1_500)]
    /// Every started execution's last screenshot, and a failed one's trace.
    static let screenshot = Template("debug", "screenshot-final.png", png, "environment", 40_000...180_000)
    static let trace = Template("tracing", "trace.zip", "application/zip", "system", 200_000...600_000)

    /// The files of `execution`, directory by directory.
    static func files(for execution: Execution) -> [AgentFile] {
        guard let started = execution.startedAt else { return [] }
        var random = SeedRandom(seed: execution.id.hashValueStable ^ 0xF11E_5EED)
        let agent = execution.workflowName ?? execution.agentName
        var chosen = (byAgent[agent] ?? otherAgent) + [screenshot]
        if execution.status == .failed { chosen.append(trace) }
        let end = execution.terminalAt ?? started.addingTimeInterval(60)
        let span = max(1, end.timeIntervalSince(started))
        return chosen.enumerated().map { index, template in
            let id = random.uuid()
            let size = random.int(template.sizes)
            let created =
                template.directory == "uploads"
                ? started : started.addingTimeInterval(span * Double(index + 1) / Double(chosen.count + 1))
            return AgentFile(
                id: id, agentId: execution.agentId, workflowId: execution.workflowId,
                filePath: "\(template.directory)/\(template.name)", fileName: template.name, fileSize: size,
                mimeType: template.mimeType, createdAt: created, updatedAt: created, executionId: execution.id,
                directory: template.directory, createdBy: template.createdBy,
                downloadUrl: "/agents/v2/executions/\(execution.id)/files/\(id)/download")
        }
    }

    /// The bytes of a seeded file: text for text types, pseudo-random bytes otherwise; exactly `fileSize`.
    static func content(of file: AgentFile) -> Data {
        var random = SeedRandom(seed: file.id.hashValueStable)
        let isText = (file.mimeType ?? "").hasPrefix("text/") || file.mimeType == "application/json"
        if isText {
            var text = "# \(file.fileName) — execution \(file.executionId)\n"
            var line = 1
            while text.utf8.count < file.fileSize {
                text += "line \(line),\(random.int(0...999_999))\n"
                line += 1
            }
            return Data(text.utf8.prefix(file.fileSize))
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(file.fileSize)
        while bytes.count < file.fileSize {
            var word = random.next()
            for _ in 0..<8 where bytes.count < file.fileSize {
                bytes.append(UInt8(word & 0xFF))
                word >>= 8
            }
        }
        return Data(bytes)
    }
}
