import AstBuiltins
import AstRuntime

/// The registration table of the API commands, and the full language registry.
package enum APICommands {
    package static let all: [any Command] = [
        ListCommand(), GetCommand(), ExecuteCommand(), RerunCommand(), CancelCommand(), PauseCommand(), ResumeCommand(),
        WaitCommand(), ActivitiesCommand(), MessageCommand(), AgentsCommand(),
        WatchCommand(), LineageCommand(), HttpCommand(),
    ]

    /// Builtins plus API commands: every command of the language.
    package static var registry: Registry { Builtins.registry.merging(all) }
}
