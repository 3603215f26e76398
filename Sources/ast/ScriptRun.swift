import AstCommands
import AstRuntime
import AstSyntax
import Foundation

/// Runs a script to completion; Ctrl-C (SIGINT) or SIGTERM cancels it (in-flight requests included), says
/// what had completed, and exits 130 (Ctrl-C) or 143 (SIGTERM).
enum ScriptRun {
    static func run(_ source: SourceFile, session: Session) async -> Int32 {
        let task = Task { await session.run(source) }
        let stop = StopSignals { task.cancel() }
        let outcome = await task.value
        let signal = stop.end()
        let renderer = DiagnosticRenderer(
            color: Terminal.stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        switch outcome {
        case .invalid(let diagnostics, _):
            Terminal.error(renderer.render(diagnostics))
            if diagnostics.count > 1 { Terminal.error("\(diagnostics.count) errors; nothing was run") }
        case .failed(let diagnostic):
            Terminal.error(renderer.render(diagnostic))
        case .interrupted:
            // e.g. `interrupted: each completed 2 of 5 items (1 cancelled, 2 not started)`
            Terminal.error((Terminal.stderrIsTerminal ? "\r\u{1B}[K" : "") + session.interruptionSummary)
        case .success, .exited:
            break
        }
        // A SIGTERM that came in as the script was ending still ends the process as terminated.
        return signal == SIGTERM ? StopSignals.terminatedExitCode : outcome.exitCode
    }
}
