import AstSyntax

/// The table of commands, by name. Built once from the lists each module exports.
package struct Registry: Sendable {
    package private(set) var commands: [String: any Command] = [:]
    /// The effects a host denied, with the reason each is refused ("this engine has no file access"): whole
    /// commands with one are ``RefusedCommand``s; an argument that declares one is refused where it is given.
    package private(set) var denied: [Effect: String] = [:]

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

    /// Records that the host denies `effect` (see ``refusing(_:reason:)``).
    mutating func deny(_ effect: Effect, because reason: String) { denied[effect] = reason }

    /// Why a call of `command` may not give the argument `spec`, when the host denied one of its effects.
    package func refusal(of spec: ParamSpec, in command: String) -> String? {
        guard let effect = Effect.allCases.first(where: { spec.effects.contains($0) && denied[$0] != nil }) else {
            return nil
        }
        return "\(command) \(spec.name)= is not allowed: \(denied[effect] ?? "")"
    }

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
