import AsteroidModels
import Foundation

/// The files of an execution, generated from the execution itself (so they need no table and are the same
/// on every start with the same seed): what the agent was given (`uploads`), fetched (`downloads`), wrote
/// (`workspace`), screenshots (`debug`) and, for failed runs, a trace (`tracing`). Executions that have not
/// started have none. Contents are deterministic bytes of the stated size.
enum SeededFiles {
    struct Template {
        var directory: String
        var name: String
        var mimeType: String
        var createdBy: String
        var sizes: ClosedRange<Int>
    }

    static func templates(for agent: String) -> [Template] {
        let csv = "text/csv", pdf = "application/pdf", json = "application/json", png = "image/png"
        switch agent {
        case "Invoice Processor":
            return [
                Template(
                    directory: "uploads", name: "invoice.pdf", mimeType: pdf,
                    createdBy: "user", sizes: 20_000...90_000),
                Template(
                    directory: "workspace", name: "extracted-lines.csv", mimeType: csv, createdBy: "agent",
                    sizes: 600...4_000),
                Template(
                    directory: "downloads", name: "remittance-advice.pdf", mimeType: pdf, createdBy: "agent",
                    sizes: 15_000...60_000),
            ]
        case "Lead Enricher":
            return [
                Template(
                    directory: "workspace", name: "enriched-lead.json", mimeType: json, createdBy: "agent",
                    sizes: 400...2_500),
                Template(
                    directory: "downloads", name: "company-profile.html", mimeType: "text/html", createdBy: "agent",
                    sizes: 8_000...40_000),
            ]
        case "Support Ticket Triage":
            return [
                Template(
                    directory: "workspace", name: "triage-summary.md", mimeType: "text/markdown", createdBy: "agent",
                    sizes: 300...2_000)
            ]
        case "Price Monitor":
            return [
                Template(
                    directory: "downloads", name: "price-history.csv", mimeType: csv, createdBy: "agent",
                    sizes: 1_000...8_000),
                Template(
                    directory: "workspace", name: "price-check.json", mimeType: json, createdBy: "agent",
                    sizes: 200...900),
            ]
        case "Onboarding Form Filler":
            return [
                Template(
                    directory: "uploads", name: "offer-letter.pdf", mimeType: pdf, createdBy: "user",
                    sizes: 30_000...120_000),
                Template(
                    directory: "downloads", name: "confirmation.pdf", mimeType: pdf, createdBy: "agent",
                    sizes: 10_000...40_000),
            ]
        default:
            return [
                Template(
                    directory: "downloads", name: "tracking-status.json", mimeType: json, createdBy: "agent",
                    sizes: 300...1_500)
            ]
        }
    }

    /// The files of `execution`, directory by directory.
    static func files(for execution: Execution) -> [AgentFile] {
        guard let started = execution.startedAt else { return [] }
        var random = SeedRandom(seed: execution.id.hashValueStable ^ 0xF11E_5EED)
        let agent = execution.workflowName ?? execution.agentName
        var chosen = templates(for: agent)
        chosen.append(
            Template(
                directory: "debug", name: "screenshot-final.png", mimeType: png, createdBy: "environment",
                sizes: 40_000...180_000))
        if execution.status == .failed {
            chosen.append(
                Template(
                    directory: "tracing", name: "trace.zip", mimeType: "application/zip", createdBy: "system",
                    sizes: 200_000...600_000))
        }
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

    static let png = "image/png"

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
