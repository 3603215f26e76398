import AstCommands
import AstRuntime
import Foundation

/// The thin adapter from the language's `Session` (AstCommands) to the REPL's `ReplEngine`.
///
/// Before each entry it tells the session what the terminal is (interactive, tables, width), so
/// results render as tables sized to the window and bulk changes ask `[y/N]`. On Ctrl-C it passes on
/// the session's account of what had completed; Tab offers the newest execution ids first.
///
///     await runInteractive(target: target, version: version, apiKey: key) { console in
///         SessionReplEngine(session: Session(api: api, confirmer: { await console.confirm($0) },
///             progressDisplay: console.progressDisplay), interactive: console.reader.isInteractive,
///             terminalOutput: isatty(STDOUT_FILENO) != 0)
///     }
package final class SessionReplEngine: ReplEngine {
    package let session: Session
    let terminalOutput: Bool

    package init(session: Session, interactive: Bool, terminalOutput: Bool) {
        self.session = session
        self.terminalOutput = terminalOutput
        session.interpreter.updateSettings {
            $0.interactive = interactive
            $0.terminalOutput = terminalOutput
        }
    }

    package func isIncomplete(_ source: String) -> Bool {
        session.isIncomplete(source)
    }

    package func evaluate(_ source: String) async -> ReplOutcome {
        if terminalOutput {
            let width = LibEditLineReader.terminalWidth()
            session.interpreter.updateSettings { $0.width = width }
        }
        switch await session.evaluate(source) {
        case .output(let text):
            return .output(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        case .failure(let diagnostic):
            return .failure(diagnostic)
        case .interrupted(let summary):
            return .interrupted(summary: summary == "interrupted" ? "" : summary)
        case .exit(let code):
            return .exit(code)
        }
    }

    package func completionSource() async -> any CompletionSource {
        let session = self.session
        return RuntimeCompletionSource(
            interpreter: session.interpreter, schemaNamed: { session.schemaNamed($0) },
            agentNames: session.agentNames, recentExecutionIDs: session.executionIds.reversed())
    }
}
