/// Renders the prompts and the banner. Pure, so unit tests pin the exact text.
package struct Prompt: Sendable, Equatable {
    package let target: ReplTarget
    /// The profile of config.toml in force (`--profile`, `AST_PROFILE`), shown in the prompt.
    package let profile: String?

    package init(target: ReplTarget, profile: String? = nil) {
        self.target = target
        self.profile = profile
    }

    /// `ast> ` on the real API, `ast[prod]> ` with the profile `prod`, `ast[sandbox]> ` on the local sandbox.
    package var primary: String {
        if target.isSandbox { return "ast[sandbox]> " }
        return profile.map { "ast[\($0)]> " } ?? "ast> "
    }

    /// Shown while an entry is incomplete; as wide as `primary`, so continued lines align.
    package var continuation: String {
        let marker = "...> "
        let pad = max(0, primary.unicodeScalars.count - marker.unicodeScalars.count)
        return String(repeating: " ", count: pad) + marker
    }

    /// The question asked before a bulk change, e.g. `rerun 12 executions? [y/N] `.
    package static func confirmation(_ question: String) -> String {
        let trimmed = question.trimmingTrailingWhitespace()
        return trimmed.hasSuffix("[y/N]") ? trimmed + " " : trimmed + " [y/N] "
    }

    /// A bulk change's question split for asking: the preview lines (count, breakdown, first items)
    /// printed above the prompt, and the last line, asked as the prompt (a line editor redraws only
    /// its prompt line). A one-line question has no preview.
    package static func confirmationParts(_ question: String) -> (preview: String?, question: String) {
        let trimmed = question.trimmingTrailingWhitespace()
        guard let newline = trimmed.lastIndex(of: "\n") else { return (nil, trimmed) }
        return (String(trimmed[..<newline]), String(trimmed[trimmed.index(after: newline)...]))
    }

    /// Printed once at start: version, target, and how to get help.
    package func banner(version: String) -> String {
        let where_: String
        switch target {
        case .api(let url):
            where_ = "connected to \(url)" + (profile.map { " (profile \($0))" } ?? "")
        case .sandbox(let url):
            where_ = "on the local sandbox at \(url): nothing reaches the real API (set ASTEROID_API_KEY for that)"
        }
        return """
            ast \(version) — \(where_)
            Type `help` for commands, `help COMMAND` for one, Tab to complete, Ctrl-D to exit.
            """
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
