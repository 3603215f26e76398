import AstRuntime

/// The registration table of the commands that reach past the values in the pipeline: the session's
/// settings and scripts (`set`, `sleep`, `source`, `history`) and the file system (`save`, `open`).
/// Whoever builds the language registry composes it with `Builtins.all` (see `APICommands.registry`).
package enum HostCommands {
    package static let all: [any Command] = [
        SaveCommand(), OpenCommand(), SetCommand(), SleepCommand(), SourceCommand(), HistoryPromptCommand(),
    ]
}
