import AstCommands
import AstRuntime
import Foundation
import Testing

/// The session API the prompt drives: incomplete input, `$_`, rendered errors, completion data, Ctrl-C.
@Suite struct SessionTests {
    func session(api: APIService? = nil) -> (Session, BufferedOutput) {
        let output = BufferedOutput()
        return (Session(api: api, output: output, environment: [:]), output)
    }

    @Test func incompleteEntries() {
        let (session, _) = session()
        #expect(session.isIncomplete("list |"))
        #expect(session.isIncomplete("if true {"))
        #expect(session.isIncomplete("[1,"))
        #expect(!session.isIncomplete("list | count"))
        #expect(!session.isIncomplete("let = 1"))
    }

    @Test func lastResultIsKept() async {
        let (session, _) = session()
        #expect(await session.evaluate("[1, 2, 3] | count") == .output("3\n"))
        #expect(await session.evaluate("$_ + 1") == .output("4\n"))
        #expect(await session.evaluate("let x = 5") == .output(""))
        #expect(await session.evaluate("$x * 2") == .output("10\n"))
    }

    @Test func errorsRenderAgainstTheTypedLine() async {
        let (session, _) = session()
        guard case .failure(let text) = await session.evaluate("[1] | cuont") else {
            Issue.record("expected a failure")
            return
        }
        #expect(text.contains("<input:1>:1:7: error: unknown command 'cuont'"))
        #expect(text.contains("1 | [1] | cuont"))
        #expect(text.contains("^^^^^"))
        #expect(text.contains("did you mean 'count'?"))
    }

    @Test func exitAndDefinitionsPersist() async {
        let (session, _) = session()
        _ = await session.evaluate("def twice(x) { $x * 2 }")
        #expect(await session.evaluate("twice 4") == .output("8\n"))
        #expect(session.interpreter.callableNames.contains("twice"))
        #expect(await session.evaluate("exit 7") == .exit(7))
    }

    @Test func interruptStopsThePipeline() async {
        let (session, _) = session()
        let task = Task { await session.evaluate("sleep 30s; print \"not reached\"") }
        try? await Task.sleep(nanoseconds: 50_000_000)
        task.cancel()
        #expect(await task.value == .interrupted(summary: "interrupted"))
    }

    @Test func bulkChangeAsksFirst() async throws {
        let api = try await SharedSandbox.shared.service()
        let output = BufferedOutput()
        var settings = Settings()
        settings.interactive = true
        let asked = QuestionLog()
        let session = Session(
            api: api, output: output, settings: settings,
            confirmer: { question in
                await asked.add(question)
                return false
            }, environment: [:])
        let outcome = await session.evaluate("list status=completed limit=3 | rerun")
        guard case .failure(let text) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(text.contains("cancelled: nothing was changed"))
        // The question comes last, under a preview of the records `list` gave: the count, the breakdown by
        // agent and by status, then the three executions.
        let lines = await asked.questions.map { $0.split(separator: "\n").map(String.init) }
        #expect(lines.map(\.last) == ["rerun 3 executions?"])
        #expect(lines.first?.count == 7)
        #expect(lines.first?.contains { $0.contains("by status: completed 3") } == true)
    }
}

actor QuestionLog {
    var questions: [String] = []
    func add(_ question: String) { questions.append(question) }
}
