import AstCommands
import AstREPL
import AstRuntime

extension LaunchProfile {
    /// The prompt's engine: the session (with `$profile`), the startup file run in it, and the profile's
    /// `confirm = "always"` gate in front when it applies.
    func promptEngine(
        console: ReplConsole, api: APIService, settings: Settings, environment: [String: String],
        profileName: String?, gateProfile: String?, initPath: String?
    ) async -> any ReplEngine {
        let session = Session(
            api: api, settings: settings, confirmer: { await console.confirm($0) }, environment: environment,
            progressDisplay: console.progressDisplay)
        defineProfileVariable(in: session, shown: profileName)
        let engine = SessionReplEngine(
            session: session, interactive: console.reader.isInteractive, terminalOutput: Terminal.stdoutIsTerminal)
        if let initPath { await StartupFile.run(path: initPath, session: session) }
        guard let gateProfile else { return engine }
        let ask: (@Sendable (String) async -> Bool)?
        if console.reader.isInteractive { ask = { await console.confirm($0) } } else { ask = nil }
        return GatedReplEngine(engine, gate: ChangeGate(profile: gateProfile, ask: ask))
    }
}
