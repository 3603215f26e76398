import AstCommands
import AstREPL
import AstRuntime
import AstSyntax
import Foundation

/// Runs a script to completion; Ctrl-C (SIGINT) or SIGTERM cancels it (in-flight requests included, nothing
/// sent after), says what had completed, and exits 130 (Ctrl-C) or 143 (SIGTERM).
///
/// Signals arrive through the REPL's `SignalInterrupts` (a C handler and a self-pipe), installed before
/// the script starts: a signal that comes at any moment of the run is seen.
enum ScriptRun {
    static func run(
        _ source: SourceFile, session: Session, gate: ChangeGate? = nil, signals: SignalInterrupts = .shared
    ) async -> Int32 {
        // A profile with confirm = "always": one question before a script that may change executions.
        if let gate, let refusal = await gate.check(source, interpreter: session.interpreter) {
            Terminal.error("ast: " + refusal)
            return 1
        }
        let pending = PendingCancellation()
        signals.setHandler {
            // SIGTERM while a `watch` runs: the stream ends, the work in flight finishes (exit 0); a second
            // SIGTERM, Ctrl-C, or 10 s without an end cancels as usual.
            if signals.terminationRequested, GracefulStop.shared.request() {
                DispatchQueue.global().asyncAfter(deadline: .now() + 10) { pending.cancel() }
            } else {
                pending.cancel()
            }
        }
        // The run and its report: the script path of AstCommands (Session+Script.swift), as the golden tests run it.
        let task = Task { await session.run(source) }
        pending.attach(task)
        let outcome = await task.value
        // Until the summary is out, further signals change nothing; then SIGTERM ends the process at once.
        signals.setHandler {}
        defer { signals.setHandler(nil) }
        let color = Terminal.stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for message in session.scriptReport(for: outcome, color: color, terminal: Terminal.stderrIsTerminal) {
            Terminal.error(message)
        }
        // A SIGTERM that came in as the script was ending still ends the process as terminated.
        // A `watch` stopped by SIGTERM that finished its work ends like a finished script.
        if signals.terminationRequested, GracefulStop.shared.isRequested, case .success = outcome { return 0 }
        return signals.terminationRequested ? terminatedExitStatus : outcome.exitCode
    }
}

/// Cancels a task that may not exist yet: a signal can come before `Task {}` returns.
final class PendingCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<RunOutcome, Never>?
    private var cancelled = false

    func attach(_ task: Task<RunOutcome, Never>) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let current = lock.withLock {
            cancelled = true
            return task
        }
        current?.cancel()
    }
}
