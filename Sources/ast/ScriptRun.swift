import AstCommands
import AstRuntime
import AstSyntax
import Foundation

/// Runs a script to completion; Ctrl-C cancels it (in-flight requests included), says what had
/// completed, and exits 130.
enum ScriptRun {
    static func run(_ source: SourceFile, session: Session) async -> Int32 {
        let task = Task { await session.run(source) }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        let outcome = await task.value
        interrupt.cancel()
        let renderer = DiagnosticRenderer(color: Terminal.stderrIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
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
        return outcome.exitCode
    }
}
