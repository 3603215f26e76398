import AstSyntax

/// The table of commands, by name. Built once from the lists each module exports.
package struct Registry: Sendable {
    package private(set) var commands: [String: any Command] = [:]

    package init(_ commands: [any Command]) {
        for command in commands { self.commands[command.signature.name] = command }
    }

    package func merging(_ more: [any Command]) -> Registry {
        var copy = self
        for command in more { copy.commands[command.signature.name] = command }
        return copy
    }

    /// The same table without these commands (a host that embeds the language removes built-ins).
    package func removing(_ names: some Sequence<String>) -> Registry {
        var copy = self
        for name in names { copy.commands[name] = nil }
        return copy
    }

    package func lookup(_ name: String) -> (any Command)? { commands[name] }

    package var names: [String] { commands.keys.sorted() }

    /// How the parser must treat these commands' arguments.
    package var parserOptions: ParserOptions {
        var options = ParserOptions(expressionCommands: [], stageCommands: [])
        for (name, command) in commands {
            switch command.signature.style {
            case .expression: options.expressionCommands.insert(name)
            case .stage: options.stageCommands.insert(name)
            case .normal: break
            }
        }
        return options
    }
}
