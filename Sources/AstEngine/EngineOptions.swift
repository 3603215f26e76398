/// How an ``Engine`` runs scripts: its commands, what they may do, and how long they may take.
/// The defaults are the `ast` executable's, but for `$env` (empty: a host's environment is its own).
public struct EngineOptions: Sendable {
    /// What scripts may do (default ``Capabilities/all``; ``Capabilities/readOnly`` for a stored policy).
    public var capabilities: Capabilities
    /// At most this many evaluation steps per evaluation (a statement run or a function called); nil: no limit.
    public var stepLimit: Int?
    /// At most this long per evaluation, requests included; nil: no limit.
    public var timeLimit: Duration?
    /// Commands the host adds; one named like a built-in replaces it.
    public var commands: [HostCommand]
    /// Built-in commands to leave out (`["save", "open"]`).
    public var removedCommands: Set<String>
    /// `$args`.
    public var arguments: [String]
    /// `$env` (credential-like names are left out and the API key is redacted, as in `ast`).
    public var environment: [String: String]
    /// Print the requests that would change executions instead of sending them (`set dry-run true`).
    public var dryRun: Bool
    /// Where `print` writes; nil: nowhere.
    public var output: (@Sendable (String) -> Void)?

    /// Options with the executable's defaults, but for what is given.
    public init(
        capabilities: Capabilities = .all, stepLimit: Int? = nil, timeLimit: Duration? = nil,
        commands: [HostCommand] = [], removedCommands: Set<String> = [], arguments: [String] = [],
        environment: [String: String] = [:], dryRun: Bool = false, output: (@Sendable (String) -> Void)? = nil
    ) {
        self.capabilities = capabilities
        self.stepLimit = stepLimit
        self.timeLimit = timeLimit
        self.commands = commands
        self.removedCommands = removedCommands
        self.arguments = arguments
        self.environment = environment
        self.dryRun = dryRun
        self.output = output
    }
}
