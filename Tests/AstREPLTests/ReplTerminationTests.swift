import Foundation
import Testing

@testable import AstREPL

@Suite("REPL: SIGTERM cancels like Ctrl-C, shows what completed, then leaves with 143")
struct ReplTerminationTests {
    typealias Loop = ReplLoopTests

    /// Delivers SIGTERM the way `SignalInterrupts` does: marks termination, then calls the handler.
    final class TerminatingInterrupts: InterruptSource, @unchecked Sendable {
        let lock = NSLock()
        var handler: (@Sendable () -> Void)?
        var terminated = false
        var terminationRequested: Bool { lock.withLock { terminated } }
        func setHandler(_ handler: (@Sendable () -> Void)?) { lock.withLock { self.handler = handler } }
        func terminate() {
            let current = lock.withLock {
                terminated = true
                return handler
            }
            current?()
        }
    }

    @Test("SIGTERM while a pipeline runs: cancelled, summary shown, exit 143, nothing more evaluated")
    func terminateRunning() async {
        let engine = Loop.RecordingEngine()
        let reader = Loop.ScriptedReader([.line("slow"), .line("after")])
        let output = Loop.CapturedOutput()
        let interrupts = TerminatingInterrupts()
        let repl = Repl(
            engine: engine, reader: reader, history: nil, prompt: Prompt(target: .sandbox(baseURL: "http://x")),
            output: output, interrupts: interrupts)
        engine.started = {
            Task {
                try? await Task.sleep(for: .milliseconds(50))
                interrupts.terminate()
            }
        }
        #expect(await repl.run(version: "1") == 143)
        #expect(engine.evaluated == ["slow"])
        let notice = output.notices.first { $0.contains("interrupted") }
        #expect(notice?.hasPrefix("\r\u{1B}[Kinterrupted after ") == true)
        #expect(notice?.contains("of 500 items completed") == true)
        #expect(!output.results.contains("finished"))
    }

    @Test("SIGTERM that lands between entries ends the loop before the next one")
    func terminateBetweenEntries() async {
        let engine = Loop.RecordingEngine()
        let interrupts = TerminatingInterrupts()
        let repl = Repl(
            engine: engine, reader: Loop.ScriptedReader([.line("first"), .line("second")]), history: nil,
            prompt: Prompt(target: .sandbox(baseURL: "http://x")), output: Loop.CapturedOutput(), interrupts: interrupts
        )
        engine.started = nil
        interrupts.terminate()
        #expect(await repl.run(version: "1") == 143)
        #expect(engine.evaluated.isEmpty)
    }
}
