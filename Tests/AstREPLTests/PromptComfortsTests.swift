import AstCommands
import AstRuntime
import Foundation
import Testing

@testable import AstREPL

@Suite("Prompt comforts: the pager for tall results, set timing true")
struct PromptComfortsTests {
    typealias Reader = ReplLoopTests.ScriptedReader
    /// A list of 30 numbers: 30 lines of JSON Lines, taller than a 10-row terminal.
    static let tall = "[" + (1...30).map(String.init).joined(separator: ", ") + "]"

    final class PagingOutput: ReplOutput, @unchecked Sendable {
        let lock = NSLock()
        var results: [String] = []
        var paged: [(text: String, command: String)] = []
        var notices: [String] = []
        func result(_ text: String) { lock.withLock { results.append(text) } }
        func notice(_ text: String) { lock.withLock { notices.append(text) } }
        func endTerminalLine() {}
        func page(_ text: String, command: String) async -> Bool {
            lock.withLock { paged.append((text, command)) }
            return true
        }
    }

    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        func bump(_ n: Int) { lock.withLock { value += n } }
        func read() -> Int { lock.withLock { value } }
    }

    func run(_ lines: [String], interactive: Bool = true, rows: Int = 10, counter: Counter? = nil) async -> PagingOutput
    {
        let session = Session(api: nil, output: BufferedOutput())
        let engine = SessionReplEngine(session: session, interactive: interactive, terminalOutput: false)
        let output = PagingOutput()
        let reader = Reader(lines.map(LineEvent.line), interactive: interactive)
        let requestCount: (@Sendable () -> Int)?
        if let counter {
            requestCount = {
                counter.bump(3)
                return counter.read()
            }
        } else {
            requestCount = nil
        }
        let repl = Repl(
            engine: engine, reader: reader, history: nil, prompt: Prompt(target: .sandbox(baseURL: "http://x")),
            output: output, interrupts: ReplLoopTests.ManualInterrupts(), requestCount: requestCount,
            pagerCommand: "less -FRX", terminalRows: { rows })
        _ = await repl.run(version: "test")
        return output
    }

    @Test("a result taller than the terminal goes to the pager; a short one is printed")
    func pagesTallResults() async {
        let output = await run([Self.tall, "[1, 2, 3]"])
        #expect(output.paged.count == 1)
        #expect(output.paged.first?.command == "less -FRX")
        #expect(output.paged.first?.text.contains("30") == true)
        #expect(output.results.count == 1)
    }

    @Test("set pager off, and a prompt that is not interactive (piped), print instead")
    func noPager() async {
        let off = await run(["set pager off", Self.tall])
        #expect(off.paged.isEmpty)
        #expect(off.results.count == 1)
        let piped = await run([Self.tall], interactive: false)
        #expect(piped.paged.isEmpty)
    }

    @Test("set timing true prints the wall time and the requests of each entry after it")
    func timing() async {
        let output = await run(["1 + 1", "set timing true", "2 + 2"], counter: Counter())
        let timings = output.notices.filter { $0.hasPrefix("time ") }
        // `set timing true` itself is timed (the setting is read after the entry), then `2 + 2`.
        #expect(timings.count == 2)
        #expect(
            timings.allSatisfy {
                $0.range(of: #"^time \d+\.\d{3} s · 3 requests$"#, options: .regularExpression) != nil
            })
    }

    @Test("the pieces: the timing line, tall or not, PAGER")
    func pieces() {
        #expect(PromptComforts.timingLine(.milliseconds(1500), requests: 1) == "time 1.500 s · 1 request")
        #expect(PromptComforts.timingLine(.milliseconds(20), requests: nil) == "time 0.020 s")
        #expect(PromptComforts.isTaller("a\nb\nc", than: 3))
        #expect(!PromptComforts.isTaller("a\nb", than: 3))
        #expect(!PromptComforts.isTaller("a\nb\nc", than: 0))
        #expect(PromptComforts.pagerCommand(environment: ["PAGER": "more"]) == "more")
        #expect(PromptComforts.pagerCommand(environment: ["PAGER": ""]) == nil)
        #expect(PromptComforts.pagerCommand(environment: ["PATH": "/nonexistent"]) == nil)
    }
}
