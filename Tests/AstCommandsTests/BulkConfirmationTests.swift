import AstCommands
import AstRuntime
import Foundation
import Testing

/// On the in-process sandbox: a mutation the scan used to miss (inside a field access or an
/// interpolation) still de-duplicates the ids and asks first, with a preview of what would change.
@Suite struct BulkConfirmationTests {
    func session(answer: Bool) async throws -> (Session, QuestionLog) {
        let api = try await SharedSandbox.shared.service()
        var settings = Settings()
        settings.interactive = true
        let asked = QuestionLog()
        let session = Session(
            api: api, output: BufferedOutput(), settings: settings,
            confirmer: { question in
                await asked.add(question)
                return answer
            }, environment: [:])
        return (session, asked)
    }

    @Test func fieldAccessOfARerunRerunsEachIdOnce() async throws {
        let (session, asked) = try await session(answer: true)
        _ = await session.evaluate("let id = (list status=failed limit=40 | where not .hasBeenRerun | last | .id)")
        #expect(await session.evaluate("let made = ([$id, $id] | each { (rerun $it).id })") == .output(""))
        #expect(await session.evaluate("$made | count") == .output("1\n"))
        #expect(await session.evaluate("($made[0] | get).parentExecutionId == $id") == .output("true\n"))
        #expect(await asked.questions.isEmpty, "one execution: nothing to confirm")
    }

    @Test func interpolatedRerunAsksWithAPreview() async throws {
        let (session, asked) = try await session(answer: false)
        _ = await session.evaluate("let xs = (list status=completed limit=2)")
        let outcome = await session.evaluate("[$xs[0], $xs[1], $xs[0]] | each { \"new: \\(rerun $it.id | .id)\" }")
        guard case .failure(let text) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(text.contains("cancelled: nothing was changed"))
        let questions = await asked.questions
        #expect(questions.count == 1)
        let lines = questions.first?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "rerun 2 executions")
        #expect(lines.last == "rerun 2 executions?")
        #expect(lines.contains { $0.hasPrefix("  by agent:  ") })
        #expect(lines.contains { $0 == "  by status: completed 2" })
        for index in 0..<2 {
            guard case .output(let id) = await session.evaluate("$xs[\(index)].id") else {
                Issue.record("no id")
                return
            }
            let line = lines.first { $0.hasPrefix("  \(id.trimmingCharacters(in: .whitespacesAndNewlines))  ") }
            #expect(line?.contains("completed") == true, "\(id) in \(lines)")
        }
    }

    @Test func defChainBehindAnExitAsksToo() async throws {
        let (session, asked) = try await session(answer: false)
        _ = await session.evaluate("def one(x) { two $x }\ndef two(x) { (cancel $x).status }")
        _ = await session.evaluate("let xs = (list status=completed limit=2 | .id)")
        let outcome = await session.evaluate("$xs + $xs | each { if false { exit (one $it | count) } }")
        guard case .failure(let text) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(text.contains("cancelled: nothing was changed"))
        #expect(
            await asked.questions.map { $0.split(separator: "\n").last.map(String.init) } == ["cancel 2 executions?"])
    }

    @Test func yesAndConfirmOffSkipThePreview() async throws {
        let (session, asked) = try await session(answer: false)
        _ = await session.evaluate("set confirm false")
        _ = await session.evaluate("let xs = (list status=failed limit=60 | where not .hasBeenRerun | last 2 | .id)")
        let outcome = await session.evaluate("$xs | each { (rerun $it).id } | count")
        #expect(outcome == .output("2\n"))
        #expect(await asked.questions.isEmpty)
    }
}
