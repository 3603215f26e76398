import AstConfig
import AstREPL
import AsteroidClient
import Foundation

/// `ast config [--profile NAME]`: the settings in force and where each comes from; the key is shown
/// as `<redacted>` with its length and source (a key-command is run, to check that it works).
enum ConfigCommand {
    static func main(_ arguments: [String]) -> Int32 {
        var flag: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--profile":
                guard let name = rest.popFirst(), !name.isEmpty else { return usage("--profile needs a name") }
                flag = name
            case _ where argument.hasPrefix("--profile="): flag = String(argument.dropFirst("--profile=".count))
            case "--help", "-h":
                Terminal.out(
                    "usage: ast config [--profile NAME]\nShows the settings in force (the key redacted) and where each "
                        + "comes from.\n"
                )
                return 0
            default: return usage("unknown argument \(argument) (usage: ast config [--profile NAME])")
            }
        }
        let environment = ProcessInfo.processInfo.environment
        do {
            let launch = try LaunchProfile.resolve(profileFlag: flag, environment: environment)
            Terminal.out(describe(launch, environment: environment))
            return 0
        } catch {
            Terminal.error("ast config: \(error)")
            return 2
        }
    }

    static func usage(_ message: String) -> Int32 {
        Terminal.error("ast config: \(message)")
        return 2
    }

    static func describe(_ launch: LaunchProfile, environment: [String: String]) -> String {
        var rows: [(String, String)] = []
        let names = launch.config?.profiles.keys.sorted() ?? []
        rows.append(
            (
                "config file",
                launch.config == nil
                    ? "\(launch.configPath) (none)"
                    : "\(launch.configPath) (profiles: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
            ))
        let initPath = ConfigLocation.initFile(environment: environment)
        rows.append(("init file", initPath + (FileManager.default.fileExists(atPath: initPath) ? "" : " (none)")))
        rows.append(("profile", launch.active.map { "\($0.name) (from \($0.origin))" } ?? "none"))
        let profile = launch.active?.profile
        let base = launch.clientEnvironment["ASTEROID_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let baseOrigin = profile?.baseURL != nil ? "profile" : base != nil ? "$ASTEROID_BASE_URL" : "default"
        rows.append(("base-url", "\(base ?? ClientConfiguration.defaultBaseURL.absoluteString) (\(baseOrigin))"))
        if let key = launch.key, let source = launch.keySource {
            rows.append(("key", "\(Redactor.placeholder) (\(key.count) characters, from \(source))"))
        } else {
            rows.append(("key", "none (interactive `ast` then runs on the local sandbox)"))
        }
        rows.append(("org", profile?.org ?? "(not set)"))
        let confirm: String
        switch profile?.confirm {
        case .always?: confirm = "always (asks before every change; only --yes=\(profile?.name ?? "") skips it)"
        case .never?: confirm = "never"
        case .bulk?, nil: confirm = "bulk (asks before changing more than one execution; --yes skips it)"
        }
        rows.append(("confirm", confirm))
        rows.append(("format", profile?.format ?? "auto"))
        rows.append(
            (
                "color",
                profile?.color == false
                    ? "false" : environment["NO_COLOR"] != nil ? "false (NO_COLOR)" : "true (at a terminal)"
            ))
        rows.append(("history", HistoryLocation.path(environment: environment) ?? "(none)"))
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
            + "\n"
    }
}
