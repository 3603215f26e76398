import AstSyntax
import Foundation
import Testing

@testable import AstREPL

/// The loop end to end, with a scripted reader, a recording engine and simulated Ctrl-C.
@Suite("REPL loop")
struct ReplLoopTests {
    final class ScriptedReader: LineReader, @unchecked Sendable {
        let isInteractive: Bool
        var events: [LineEvent]
        var prompts: [String] = []
        var answers: [String]
        init(_ events: [LineEvent], interactive: Bool = true, answers: [String] = []) {
            self.events = events
            self.isInteractive = interactive
            self.answers = answers
        }
        func readLine(prompt: String) async -> LineEvent {
            prompts.append(prompt)
            return events.isEmpty ? .endOfInput : events.removeFirst()
        }
        func setCompletionSource(_ source: any CompletionSource) {}
        func confirm(_ question: String) async -> Bool {
            prompts.append(Prompt.confirmation(question))
            return answers.isEmpty ? false : Self.isYes(answers.removeFirst())
        }
    }

    final class RecordingEngine: ReplEngine, @unchecked Sendable {
        let lock = NSLock()
        var evaluated: [String] = []
        var started: (@Sendable () -> Void)?
        func isIncomplete(_ source: String) -> Bool { Parser.parse(source).isIncomplete }
        func evaluate(_ source: String) async -> ReplOutcome {
            lock.withLock { evaluated.append(source) }
            if source.hasPrefix("exit ") { return .exit(Int32(source.dropFirst(5)) ?? 1) }
            if source == "boom" { return .failure("error: boom\n  boom\n  ^^^^") }
            if source == "slow" {
                lock.withLock { started }?()
                var done = 0
                for _ in 0..<500 {
                    do { try await Task.sleep(for: .milliseconds(10)) } catch {
                        return .interrupted(summary: "\(done) of 500 items completed")
                    }
                    done += 1
                }
                return .output("finished")
            }
            return .output("=> \(source)")
        }
        func completionSource() async -> any CompletionSource { StaticCompletionSource() }
    }

    final class CapturedOutput: ReplOutput, @unchecked Sendable {
        let lock = NSLock()
        var results: [String] = []
        var notices: [String] = []
        func result(_ text: String) { lock.withLock { results.append(text) } }
        func notice(_ text: String) { lock.withLock { notices.append(text) } }
        func endTerminalLine() {}
    }

    final class ManualInterrupts: InterruptSource, @unchecked Sendable {
        let lock = NSLock()
        var handler: (@Sendable () -> Void)?
        func setHandler(_ handler: (@Sendable () -> Void)?) { lock.withLock { self.handler = handler } }
        func press() { lock.withLock { handler }?() }
    }

    func makeRepl(_ reader: ScriptedReader, _ engine: RecordingEngine, history: ReplHistory? = nil)
        -> (Repl, CapturedOutput, ManualInterrupts)
    {
        let output = CapturedOutput()
        let interrupts = ManualInterrupts()
        let repl = Repl(
            engine: engine, reader: reader, history: history, prompt: Prompt(target: .sandbox(baseURL: "http://x")),
            output: output, interrupts: interrupts)
        return (repl, output, interrupts)
    }

    @Test("continuation lines are joined; the continuation prompt is shown while incomplete")
    func continuation() async {
        let reader = ScriptedReader([.line("def f() {"), .line("  list"), .line("}"), .line("f")])
        let engine = RecordingEngine()
        let (repl, output, _) = makeRepl(reader, engine)
        #expect(await repl.run(version: "1") == 0)
        #expect(engine.evaluated == ["def f() {\n  list\n}", "f"])
        #expect(
            reader.prompts == [
                "ast[sandbox]> ", "         ...> ", "         ...> ", "ast[sandbox]> ", "ast[sandbox]> ",
            ])
        #expect(output.results == ["=> def f() {\n  list\n}", "=> f"])
        #expect(output.notices.first?.contains("sandbox") == true)
    }

    @Test("Ctrl-C while editing drops the pending entry; Ctrl-D exits 0; exit N returns N")
    func keys() async {
        let engine = RecordingEngine()
        let (repl, _, _) = makeRepl(ScriptedReader([.line("list | each {"), .interrupted, .line("count")]), engine)
        #expect(await repl.run(version: "1") == 0)
        #expect(engine.evaluated == ["count"])
        let (exiting, _, _) = makeRepl(ScriptedReader([.line("exit 3"), .line("never")]), RecordingEngine())
        #expect(await exiting.run(version: "1") == 3)
    }

    @Test("Ctrl-D at a continuation prompt drops the unfinished entry and stays; on an empty prompt it exits 0")
    func ctrlDAtContinuation() async {
        let engine = RecordingEngine()
        let reader = ScriptedReader([.line("[1, 2,"), .endOfInput, .line("count"), .endOfInput, .line("never")])
        let (repl, output, _) = makeRepl(reader, engine)
        #expect(await repl.run(version: "1") == 0)
        #expect(engine.evaluated == ["count"])
        #expect(reader.prompts == ["ast[sandbox]> ", "         ...> ", "ast[sandbox]> ", "ast[sandbox]> "])
        #expect(output.notices.contains("(unfinished entry discarded)"))
        // Piped input that ends inside a bracket still reaches the parser (which says where).
        let piped = RecordingEngine()
        let (script, _, _) = makeRepl(ScriptedReader([.line("[1, 2,")], interactive: false), piped)
        #expect(await script.run(version: "1") == 0)
        #expect(piped.evaluated == ["[1, 2,"])
    }

    @Test("errors go to the diagnostic stream; history keeps typed entries but no secrets")
    func errorsAndHistory() async throws {
        let history = try #require(ReplHistory(policy: HistoryPolicy(secrets: ["sk-0123456789"]), path: nil))
        let reader = ScriptedReader([
            .line("boom"), .line("print \"sk-0123456789\""), .line(" quiet"), .line("history"),
        ])
        let (repl, output, _) = makeRepl(reader, RecordingEngine(), history: history)
        #expect(await repl.run(version: "1") == 0)
        #expect(output.notices.contains("error: boom\n  boom\n  ^^^^"))
        #expect(history.entries == ["boom", "history"])
        #expect(output.results.last == "1  boom\n2  history")
    }

    @Test("Ctrl-C while a pipeline runs cancels it and says what had completed")
    func cancelRunning() async {
        let engine = RecordingEngine()
        let reader = ScriptedReader([.line("slow"), .line("after")])
        let (repl, output, interrupts) = makeRepl(reader, engine)
        engine.started = {
            Task {
                try? await Task.sleep(for: .milliseconds(50))
                interrupts.press()
            }
        }
        #expect(await repl.run(version: "1") == 0)
        #expect(engine.evaluated == ["slow", "after"])
        let notice = output.notices.first { $0.contains("interrupted") }
        // At a terminal the notice replaces the line where the terminal echoed ^C.
        #expect(notice?.hasPrefix("\r\u{1B}[K^C interrupted after ") == true)
        #expect(notice?.contains("of 500 items completed") == true)
        #expect(!output.results.contains("finished"))
        #expect(output.results.last == "=> after")
    }

    @Test("the interruption notice says how long it ran, then what had completed, never interrupted twice")
    func interruptionNotice() {
        let elapsed = Duration.milliseconds(1520)
        #expect(Repl.interruptionNotice("", after: elapsed) == "interrupted after 1.5s")
        #expect(Repl.interruptionNotice("interrupted", after: elapsed) == "interrupted after 1.5s")
        #expect(
            Repl.interruptionNotice("Interrupted: 2 of 5 items done", after: elapsed)
                == "interrupted after 1.5s: 2 of 5 items done")
        #expect(
            Repl.interruptionNotice("2 of 5 items completed", after: elapsed)
                == "interrupted after 1.5s: 2 of 5 items completed")
    }

    @Test("a non-interactive reader gets no banner, and nothing is added to history")
    func plain() async throws {
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: nil))
        let (repl, output, _) = makeRepl(
            ScriptedReader([.line("list")], interactive: false), RecordingEngine(), history: history)
        #expect(await repl.run(version: "1") == 0)
        #expect(output.notices.isEmpty)
        #expect(history.entries.isEmpty)
    }

    @Test("the console asks yes/no through the reader, after clearing the progress line")
    func confirm() async {
        let reader = ScriptedReader([], answers: ["y", "no"])
        let display = ProgressTests.RecordingDisplay()
        let console = ReplConsole(reader: reader, progressDisplay: display)
        #expect(await console.confirm("rerun 3 executions?"))
        #expect(await !console.confirm("cancel 2 executions?"))
        #expect(reader.prompts == ["rerun 3 executions? [y/N] ", "cancel 2 executions? [y/N] "])
        #expect(display.all == ["clear", "clear"])
    }
}
