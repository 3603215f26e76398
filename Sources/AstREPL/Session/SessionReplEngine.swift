import AstCommands
import AstRuntime
import Foundation

/// The thin adapter from the language's `Session` (AstCommands) to the REPL's `ReplEngine`.
///
/// Before each entry it tells the session what the terminal is (interactive, tables, width), so
/// results render as tables sized to the window and bulk changes ask `[y/N]`.
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

/// The executable's entry point for the interactive prompt, over the language's `Session`.
///
///     let code = await runInteractive(target: .sandbox(baseURL: url), version: version, apiKey: nil) { confirm in
///         Session(api: api, settings: settings, confirmer: confirm)
///     }
///
/// `makeSession` receives the confirmer to pass to `Session`: it asks `[y/N]` through the line editor.
package func runInteractive(
    target: ReplTarget,
    version: String,
    apiKey: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    makeSession: @Sendable (_ confirm: @escaping @Sendable (String) async -> Bool) async -> Session
) async -> Int32 {
    await runInteractive(target: target, version: version, apiKey: apiKey, environment: environment) { console in
        let session = await makeSession { question in await console.confirm(question) }
        return SessionReplEngine(
            session: session, interactive: console.reader.isInteractive,
            terminalOutput: isatty(STDOUT_FILENO) != 0)
    }
}
