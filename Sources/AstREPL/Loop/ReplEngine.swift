/// What the interactive prompt needs from the language: the seam between the REPL and a session.
///
/// The REPL never parses or evaluates by itself. A session (see `SessionReplEngine` for the adapter
/// over `AstCommands.Session`) answers these three questions.
package protocol ReplEngine: AnyObject, Sendable {
    /// True when `source` ends inside an open bracket, string or after a trailing `|`/operator,
    /// i.e. the parser reported "unexpected end of input": the prompt then asks for another line.
    func isIncomplete(_ source: String) -> Bool

    /// Evaluates one complete entry (possibly several lines). Cancellation of the calling Task is
    /// the interrupt signal (Ctrl-C): the engine stops the pipeline, in-flight requests included,
    /// and answers `.interrupted` saying what had completed.
    func evaluate(_ source: String) async -> ReplOutcome

    /// A snapshot of what Tab can offer right now (commands, variables, ids seen…). Taken before
    /// each prompt, so completion itself never waits on the session.
    func completionSource() async -> any CompletionSource
}

/// The result of evaluating one entry at the prompt.
package enum ReplOutcome: Sendable, Equatable {
    /// Rendered output to show on stdout (a table, key/value lines…); empty for `null` or `let`.
    case output(String)
    /// A rendered diagnostic (message, the typed line, a caret under the span, help).
    case failure(String)
    /// The pipeline was stopped by Ctrl-C; `summary` says what had completed.
    case interrupted(summary: String)
    /// `exit N` was evaluated: leave the prompt with this status.
    case exit(Int32)
}

/// Where commands go: the real API or the local sandbox. Shown in the banner and the prompt.
package enum ReplTarget: Sendable, Equatable {
    case api(baseURL: String)
    case sandbox(baseURL: String)

    package var isSandbox: Bool {
        if case .sandbox = self { return true }
        return false
    }

    package var baseURL: String {
        switch self {
        case .api(let url), .sandbox(let url): return url
        }
    }
}
