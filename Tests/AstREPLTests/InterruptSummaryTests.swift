import AstBuiltins
import AstCommands
import AstRuntime
import AstSyntax
import Foundation
import Testing

@testable import AstREPL

/// Ctrl-C during `each`: the session says what had completed, and `each` cancels every item in flight,
/// also when its consumer stops early (`| first 2`).
@Suite("Interrupt summary and each cancellation")
struct InterruptSummaryTests {
    /// Polls `condition` every 10 ms for up to 10 s (a behaviour check with a generous budget).
    static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// Records which items `hold N` started and which were cancelled.
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var started: Set<Int> = []
        var cancelled: Set<Int> = []
        func start(_ n: Int) { _ = lock.withLock { started.insert(n) } }
        func cancel(_ n: Int) { _ = lock.withLock { cancelled.insert(n) } }
        var snapshot: (started: Set<Int>, cancelled: Set<Int>) { lock.withLock { (started, cancelled) } }
    }

    /// `count-up N`: the stream 1…N. `hold N`: waits until cancelled (items ≤ `quick` return at once).
    struct CountUp: Command {
        let signature = Signature(
            "count-up", "the stream 1…N", category: "test", positionals: [ParamSpec("n", .int, "N", required: true)])
        func run(_ call: Invocation) async throws -> Value {
            let n = call.positional(0)?.intValue ?? 0
            return .stream(.from((0..<n).map { .int($0 + 1) }))
        }
    }

    struct Hold: Command {
        let recorder: Recorder
        let quick: Int
        var signature: Signature {
            Signature(
                "hold", "wait until cancelled", category: "test",
                positionals: [ParamSpec("n", .int, "N", required: true)])
        }
        func run(_ call: Invocation) async throws -> Value {
            let n = call.positional(0)?.intValue ?? 0
            recorder.start(n)
            if n <= quick { return .int(n) }
            do { try await Task.sleep(for: .seconds(120)) } catch {
                recorder.cancel(n)
                throw error
            }
            return .int(n)
        }
    }

    func makeInterpreter(_ recorder: Recorder, quick: Int) -> (Interpreter, ProgressBoard) {
        let registry = Builtins.registry.merging([CountUp(), Hold(recorder: recorder, quick: quick)])
        let interpreter = Interpreter(registry: registry, output: BufferedOutput())
        let board = ProgressBoard()
        board.install(on: interpreter)
        return (interpreter, board)
    }

    @Test("Ctrl-C during each: the outcome names what completed, what was cancelled, what never started")
    func sessionSummary() async {
        let output = BufferedOutput()
        let session = Session(api: nil, output: output, environment: [:])
        let task = Task { await session.evaluate("[1, 2, 3, 4, 5] | each { if $it > 2 { sleep 120s }; $it }") }
        let reached = await Self.eventually {
            session.progress.running.first.map { $0.done == 2 && $0.started == 3 } ?? false
        }
        #expect(reached)
        task.cancel()
        #expect(
            await task.value
                == .interrupted(summary: "interrupted: each completed 2 of 5 items (1 cancelled, 2 not started)"))
        #expect(output.stderr.isEmpty)
    }

    @Test("the summary also counts the lines of output already shown")
    func summaryCountsOutput() async {
        let output = BufferedOutput()
        let session = Session(api: nil, output: output, environment: [:])
        let task = Task {
            await session.evaluate("[1, 2, 3] | each { print \"line \\($it)\"; if $it > 1 { sleep 120s }; $it }")
        }
        #expect(await Self.eventually { output.stdout == "line 1\nline 2\n" })
        task.cancel()
        #expect(
            await task.value
                == .interrupted(
                    summary:
                        "interrupted: each completed 1 of 3 items (1 cancelled, 1 not started); 2 lines of output shown"
                ))
    }

    @Test("the REPL adapter passes the summary on, and the notice rewrites the ^C line")
    func replNotice() async {
        let session = Session(api: nil, output: BufferedOutput(), environment: [:])
        let engine = SessionReplEngine(session: session, interactive: true, terminalOutput: false)
        let task = Task { await engine.evaluate("[1, 2, 3] | each { if $it > 1 { sleep 120s }; $it }") }
        #expect(
            await Self.eventually { session.progress.running.first.map { $0.done == 1 && $0.started == 2 } ?? false })
        task.cancel()
        guard case .interrupted(let summary) = await task.value else {
            Issue.record("expected an interrupted outcome")
            return
        }
        let notice = Repl.interruptionNotice(summary, after: .milliseconds(1500))
        #expect(notice == "interrupted after 1.5s: each completed 1 of 3 items (1 cancelled, 1 not started)")
    }

    @Test("each -p 4 | first 2: items in flight are cancelled and no further item starts")
    func earlyStop() async throws {
        let recorder = Recorder()
        let (interpreter, board) = makeInterpreter(recorder, quick: 2)
        let source = SourceFile(name: "<test>", text: "count-up 10 | each -p 4 { hold $it } | first 2")
        let collected = ResultCollector()
        let outcome = await interpreter.run(source, printResults: false, collectResults: collected)
        guard case .success = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        guard case .list(let items)? = await collected.values.first else {
            Issue.record("expected a list")
            return
        }
        #expect(items.compactMap(\.intValue) == [1, 2])
        let started = recorder.snapshot.started
        #expect(await Self.eventually { recorder.snapshot.cancelled == started.subtracting([1, 2]) })
        #expect(started.count <= 5)
        #expect(started.isSuperset(of: [1, 2, 3, 4]))
        #expect(await Self.eventually { board.running.isEmpty })
    }

    @Test("cancelling a parallel each cancels every item in flight, not only the next one")
    func cancelAllInFlight() async {
        let recorder = Recorder()
        let (interpreter, board) = makeInterpreter(recorder, quick: 0)
        let source = SourceFile(name: "<test>", text: "count-up 10 | each -p 4 { hold $it } | count")
        let task = Task { await interpreter.run(source) }
        #expect(await Self.eventually { recorder.snapshot.started.count == 4 })
        task.cancel()
        guard case .interrupted = await task.value else {
            Issue.record("expected an interrupted run")
            return
        }
        #expect(await Self.eventually { recorder.snapshot.cancelled == [1, 2, 3, 4] })
        #expect(recorder.snapshot.started == [1, 2, 3, 4])
        #expect(await Self.eventually { board.running.isEmpty })
    }
}
