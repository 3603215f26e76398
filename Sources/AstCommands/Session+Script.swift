import AstRuntime
import AstSyntax

/// The script path of `ast FILE`: `Sources/ast/ScriptRun.swift` wraps it in signal handling and a profile's
/// change gate; the golden tests run every script through it, so they test what users run.
extension Session {
    /// Runs a whole script and passes to `report` what stderr shows at its end (``scriptReport(for:color:terminal:)``).
    /// Returns the outcome; its `exitCode` is the process's exit status.
    package func runScript(_ source: SourceFile, color: Bool = false, report: (String) -> Void) async -> RunOutcome {
        let outcome = await run(source)
        scriptReport(for: outcome, color: color).forEach(report)
        return outcome
    }

    /// What stderr says when a script ends with `outcome`, one message per element (nothing for success or
    /// `exit`): the rendered diagnostics (and how many when several), or what an interrupted run had completed.
    /// `terminal`: stderr is a terminal, so the progress line under the cursor is cleared first.
    package func scriptReport(for outcome: RunOutcome, color: Bool = false, terminal: Bool = false) -> [String] {
        let renderer = DiagnosticRenderer(color: color)
        switch outcome {
        case .invalid(let diagnostics, _):
            let rendered = renderer.render(diagnostics)
            return diagnostics.count > 1 ? [rendered, "\(diagnostics.count) errors; nothing was run"] : [rendered]
        case .failed(let diagnostic):
            return [renderer.render(diagnostic)]
        case .interrupted:
            // e.g. `interrupted: each completed 2 of 5 items (1 cancelled, 2 not started)`
            return [(terminal ? "\r\u{1B}[K" : "") + interruptionSummary]
        case .success, .exited:
            return []
        }
    }
}
