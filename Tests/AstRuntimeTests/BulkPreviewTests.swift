import AstBuiltins
import AstRuntime
import Foundation
import SnapshotSupport
import Testing

/// The confirmation before a bulk change: count, breakdown by agent and status, first items
/// (snapshots in Snapshots/, re-record with AST_RECORD=1); asked only at a terminal with confirm on.
@Suite struct BulkPreviewTests {
    static func execution(_ n: Int, _ agent: String, _ status: String) -> Value {
        .record(
            Record([
                ("id", .string(String(format: "%08x-0d44-4b50-8888-8dd25736052a", n))),
                ("agentId", .string("agent-\(agent.count)")),
                ("agentName", .string(agent)),
                ("status", .string(status)),
                ("createdAt", .time(Date(timeIntervalSince1970: 1_796_000_000 + Double(n) * 60))),
            ]))
    }

    static let records: [Value] = [
        execution(1, "Lead Enricher", "failed"), execution(2, "Ticket Triage", "cancelled"),
        execution(3, "Lead Enricher", "failed"), execution(4, "Invoice Reader", "failed"),
        execution(5, "Lead Enricher", "cancelled"), execution(6, "Support Summariser With A Very Long Name", "failed"),
        execution(7, "Quote Builder", "failed"), execution(8, "Ticket Triage", "failed"),
        execution(9, "Form Filler", "failed"), execution(10, "Form Filler", "failed"),
    ]

    @Test func recordsShowBreakdownAndFirstItems() throws {
        try snapshots.assert(BulkPreview(verb: "rerun", items: Self.records).text(), named: "bulk-preview-records")
    }

    @Test func bareIdsShowCountAndIds() throws {
        let ids: [Value] = (1...7).map { .string(String(format: "%08x-0d44-4b50-8888-8dd25736052a", $0)) }
        try snapshots.assert(BulkPreview(verb: "cancel", items: ids).text(), named: "bulk-preview-ids")
    }

    @Test func fewItemsListThemAll() {
        let text = BulkPreview(verb: "pause", items: Array(Self.records.prefix(2))).text()
        #expect(text.split(separator: "\n").count == 6)
        #expect(!text.contains("more"))
        #expect(text.hasSuffix("\npause 2 executions?"))
    }

    func interpreter(interactive: Bool, confirm: Bool, log: QuestionBox) -> Interpreter {
        var settings = Settings()
        settings.interactive = interactive
        settings.confirm = confirm
        return Interpreter(
            registry: Builtins.registry, output: BufferedOutput(), settings: settings,
            confirmer: { question in
                log.add(question)
                return false
            })
    }

    @Test func confirmBulkAsksWithThePreviewOnlyAtATerminalWithConfirmOn() async {
        let log = QuestionBox()
        #expect(
            await !interpreter(interactive: true, confirm: true, log: log).confirmBulk(
                verb: "rerun", items: Self.records))
        #expect(log.questions == [BulkPreview(verb: "rerun", items: Self.records).text()])
        #expect(log.questions.first?.contains("by agent:  Lead Enricher 3, Form Filler 2, Ticket Triage 2,") == true)
        #expect(
            await interpreter(interactive: true, confirm: false, log: log).confirmBulk(
                verb: "rerun", items: Self.records))
        #expect(
            await interpreter(interactive: false, confirm: true, log: log).confirmBulk(
                verb: "rerun", items: Self.records))
        #expect(log.questions.count == 1)
    }
}

final class QuestionBox: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []
    var questions: [String] { lock.withLock { asked } }
    func add(_ question: String) { lock.withLock { asked.append(question) } }
}

private let snapshots = Snapshots()
