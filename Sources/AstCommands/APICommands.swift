import AstBuiltins
import AstHost
import AstRuntime

/// The registration table of the API commands, and the full language registry.
package enum APICommands {
    package static let all: [any Command] = [
        ListCommand(), GetCommand(), ExecuteCommand(), RerunCommand(), CancelCommand(), PauseCommand(), ResumeCommand(),
        WaitCommand(), ActivitiesCommand(), MessageCommand(), AgentsCommand(),
        ShowCommand(),
        ExplainCommand(),
        // Files, workflows, profiles, identity, delete, recording (issue 16).
        FilesCommand(), DownloadCommand(), WorkflowsCommand(), VersionsCommand(), InputsCommand(), ProfilesCommand(),
        PoolsCommand(), ClearCacheCommand(), WhoamiCommand(), DeleteCommand(), RecordingCommand(), AttachCommand(),
        WatchCommand(), LineageCommand(), HttpCommand(),
        VersionCommand(),
    ]

    /// Data builtins, session and file commands, and API commands: every command of the language.
    package static var registry: Registry { Builtins.registry.merging(HostCommands.all).merging(all) }
}
