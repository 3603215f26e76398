import AstCommands
import AstREPL
import AstRuntime

/// Adapts a language `Session` to the prompt's `ReplEngine` seam.
final class SessionEngine: ReplEngine {
    let session: Session

    init(session: Session) { self.session = session }

    func isIncomplete(_ source: String) -> Bool { session.isIncomplete(source) }

    func evaluate(_ source: String) async -> ReplOutcome {
        switch await session.evaluate(source) {
        case .output(let text): return .output(text)
        case .failure(let text): return .failure(text)
        case .interrupted(let summary): return .interrupted(summary: summary)
        case .exit(let code): return .exit(code)
        }
    }

    func completionSource() async -> any CompletionSource {
        let session = self.session
        return RuntimeCompletionSource(
            interpreter: session.interpreter, schemaNamed: { APISchemas.byName[$0] },
            agentNames: session.agentNames, recentExecutionIDs: session.executionIds)
    }
}
