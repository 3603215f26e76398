import AstCommands
import AstConfig
import AstRuntime
import Foundation

/// What config.toml contributes to a start of `ast`: the active profile, the key (the profile's or
/// `$ASTEROID_API_KEY`), the environment the client is configured from, and the session's defaults.
///
/// A profile named by `--profile` / `AST_PROFILE` / `default-profile` wins over `ASTEROID_API_KEY` and
/// `ASTEROID_BASE_URL` for what it sets (like the AWS CLI's `--profile`); what it leaves out comes from
/// the environment as before. Command-line flags win over the profile.
struct LaunchProfile {
    var configPath: String
    var config: UserConfig?
    var active: ActiveProfile?
    var key: String?
    /// Where the key came from (`$ASTEROID_API_KEY`, `key-command "…"`), never the key.
    var keySource: String?
    /// The process environment with the profile's key and base URL in `ASTEROID_API_KEY` / `ASTEROID_BASE_URL`,
    /// for `ClientConfiguration.fromEnvironment` (which checks both). Not given to the language's `$env`.
    var clientEnvironment: [String: String]
    /// Every key known to this start (the environment's, even under `--sandbox`, and the profile's): what
    /// the output redactor and the history keep out.
    var secrets: [String] = []

    /// Reads config.toml and selects the profile; resolves the key unless `resolveKey` is false (`--sandbox`).
    static func resolve(
        profileFlag: String?, environment: [String: String], resolveKey: Bool = true
    ) throws(UserConfig.Problem) -> LaunchProfile {
        let path = ConfigLocation.configFile(environment: environment)
        let config = try UserConfig.load(path: path)
        let active = try UserConfig.select(config, flag: profileFlag, environment: environment, path: path)
        var launch = LaunchProfile(configPath: path, config: config, active: active, clientEnvironment: environment)
        if let url = active?.profile.baseURL { launch.clientEnvironment["ASTEROID_BASE_URL"] = url }
        let environmentKey = environment["ASTEROID_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        launch.secrets = environmentKey.map { [$0] } ?? []
        guard resolveKey else { return launch }
        if let resolved = try active?.profile.resolveKey(environment: environment) {
            launch.key = resolved.key
            launch.keySource = resolved.source
        } else if let key = environment["ASTEROID_API_KEY"], !key.isEmpty {
            launch.key = key
            launch.keySource = "$ASTEROID_API_KEY"
        }
        if let key = launch.key {
            launch.clientEnvironment["ASTEROID_API_KEY"] = key
            if !launch.secrets.contains(key) { launch.secrets.append(key) }
        }
        return launch
    }

    /// The profile's defaults under the command line's flags: format, colour and confirmation.
    func apply(to settings: inout Settings, options: Options) throws(UserConfig.Problem) {
        guard let profile = active?.profile else { return }
        if options.format == nil, let name = profile.format {
            guard let format = Settings.Format(rawValue: name) else {
                throw UserConfig.Problem(
                    "\(configPath): profiles.\(profile.name).format must be one of "
                        + Settings.Format.allCases.map(\.rawValue).joined(separator: ", ") + ", got '\(name)'")
            }
            settings.format = format
        }
        if profile.color == false { settings.color = false }
        switch profile.confirm {
        case .never: settings.confirm = false
        // `--yes` does not silence a profile that asks always; `--yes=NAME` does.
        case .always: settings.confirm = options.yesProfile != profile.name
        case .bulk, nil: break
        }
    }

    /// `--yes=NAME` must name the active profile: a production slip needs two deliberate acts.
    func checkYes(_ options: Options) throws(UserConfig.Problem) {
        guard let named = options.yesProfile else { return }
        guard named == active?.name else {
            let current = active.map { "the active profile is \($0.name)" } ?? "no profile is active"
            throw UserConfig.Problem("--yes=\(named) names a profile that is not in use (\(current))")
        }
    }

    /// True when every change must be confirmed first: the profile says `confirm = "always"` and the command
    /// line did not name it in `--yes=NAME`.
    func asksBeforeEveryChange(_ options: Options) -> Bool {
        guard let active, active.profile.confirm == .always else { return false }
        return options.yesProfile != active.name
    }
}

extension LaunchProfile {
    /// `$profile`: `{name, org, base-url}` of the profile in force (null without one, or on the sandbox), so a
    /// script can write `list org=$profile.org`.
    func defineProfileVariable(in session: Session, shown name: String?) {
        guard let name, let profile = active?.profile else {
            session.interpreter.globals.define("profile", .null)
            return
        }
        let record = Record([
            ("name", .string(name)), ("org", profile.org.map(Value.string) ?? .null),
            ("base-url", profile.baseURL.map(Value.string) ?? .null),
        ])
        session.interpreter.globals.define("profile", .record(record))
    }
}
