import AstCommands
import AstRuntime
import Testing

@testable import AstREPL

/// The adapter over the language's real `Session` (no API bound: language features only).
@Suite("Session adapter")
struct SessionAdapterTests {
    func makeEngine() -> SessionReplEngine {
        SessionReplEngine(
            session: Session(api: nil, output: BufferedOutput(), environment: [:]), interactive: true,
            terminalOutput: false)
    }

    @Test("evaluates, keeps $_, renders errors with a caret under the typed text")
    func evaluate() async {
        let engine = makeEngine()
        #expect(await engine.evaluate("1 + 2") == .output("3"))
        #expect(await engine.evaluate("$_ * 10") == .output("30"))
        guard case .failure(let diagnostic) = await engine.evaluate("lisst status=failed") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.contains("lisst status=failed"))
        #expect(diagnostic.contains("^"))
        #expect(await engine.evaluate("exit 3") == .exit(3))
    }

    @Test("incomplete entries are the parser's unexpected end of input")
    func incomplete() {
        let engine = makeEngine()
        #expect(engine.isIncomplete("def f() {"))
        #expect(engine.isIncomplete("[1, 2,"))
        #expect(engine.isIncomplete("print \"open"))
        #expect(!engine.isIncomplete("[1, 2] | count"))
    }

    @Test("completion from the live session: commands, named arguments, statuses, fields, variables")
    func completion() async {
        let engine = makeEngine()
        _ = await engine.evaluate("let picked = [{name: \"x\", inputs: {email: \"a@b\"}}]")
        let completer = CompletionEngine(source: await engine.completionSource())
        func tab(_ line: String) -> String {
            let cursor = line.unicodeScalars.count
            return completer.complete(line: line, cursor: cursor).applied(to: line, cursor: cursor).line
        }
        #expect(tab("lis") == "list ")  // "li" is also lineage and lines
        #expect(tab("list stat") == "list status=")
        #expect(tab("list status=fai") == "list status=failed ")
        #expect(tab("list | where .executionR") == "list | where .executionResult.")
        #expect(tab("list | where .executionResult.outc") == "list | where .executionResult.outcome ")
        #expect(tab("$pic") == "$picked ")
        #expect(tab("set dry") == "set dry-run ")
        #expect(tab("set format js") == "set format json")
        #expect(tab("set confirm f") == "set confirm false ")
        #expect(tab("$picked | each { print $it.inputs.em") == "$picked | each { print $it.inputs.email ")
        // What `Session`'s own completion methods answered before they went (tests were their only callers).
        #expect(tab("list | sort-by --de") == "list | sort-by --desc ")
        #expect(tab("agents | where .na") == "agents | where .name ")
        #expect(tab("$no") == "$now ")
        _ = await engine.evaluate("def twice(x) { $x * 2 }")
        let fresh = CompletionEngine(source: await engine.completionSource())
        #expect(fresh.complete(line: "twi", cursor: 3).applied(to: "twi", cursor: 3).line == "twice ")
    }
}
