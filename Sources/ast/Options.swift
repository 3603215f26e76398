import AstRuntime
import Foundation

/// The command line of `ast` (everything but `ast sandbox …`, which SandboxCommand parses).
struct Options {
    enum Mode: Equatable {
        case script(path: String)
        case command(String)
        case stdin
        case interactive
    }

    var mode: Mode = .interactive
    var scriptArguments: [String] = []
    var sandbox = false
    var dryRun = false
    var yes = false
    var format: Settings.Format?
    var logFormat: EventLog.Format = .text
    var noColor = false
    var showVersion = false
    var showHelp = false
    var verbose = false
    /// `--profile NAME`: the profile of config.toml to use (else `AST_PROFILE`, else `default-profile`).
    var profile: String?
    /// `--yes=NAME`: like `--yes`, and also skips the question of a profile marked `confirm = "always"`,
    /// but only when NAME is the active profile.
    var yesProfile: String?
    /// `-X` / `--no-init`: do not run the startup file before the prompt.
    var noInit = false
    /// `--generate-man` (hidden): print the man page, generated from the command registry.
    var generateMan = false

    struct UsageError: Error { var message: String }

    static let help = """
        usage: ast [OPTIONS] [FILE.ast [ARGS…]]
               ast [OPTIONS] -c 'PIPELINE' [ARGS…]
               ast sandbox [--port N] [--speed X] …      (a local API server)
               ast config [--profile NAME]               (the settings in force, key redacted)
               ast completions bash|zsh|fish             (a shell completion script)

        With no FILE at a terminal, ast starts the interactive prompt. A script can also come on stdin.

        options:
          -c TEXT         run TEXT as a script
          --sandbox       run against an in-process local sandbox (no key needed)
          --dry-run       print each changing request instead of sending it
          --yes, -y       do not ask before changing more than one execution
          --yes=PROFILE   also skip the question of a profile with confirm = "always" (must name it)
          --profile NAME  use a profile of ~/.config/ast/config.toml (or AST_PROFILE; see `ast config`)
          -X, --no-init   do not run ~/.config/ast/init.ast before the prompt
          --format F      output format: auto, table, json, jsonl, csv, text
          --no-color      no colours (NO_COLOR is honoured too)
          --verbose       print each API request with its status and time (set trace true)
          --log-format F  events of watch and endless each on stderr: text (default) or json (one object a line)
          --version       print the version
          --help, -h      this help

        environment: ASTEROID_API_KEY, ASTEROID_BASE_URL (default https://odyssey.asteroid.ai/agents/v2),
                     AST_PUSHDOWN=off (run pipelines as written: no query planner),
                     AST_PROFILE, XDG_CONFIG_HOME (config.toml and init.ast in $XDG_CONFIG_HOME/ast)
        exit codes: 0 ok · 1 runtime error · 2 usage or syntax error · N from `exit N` · 130 interrupted ·
                    143 terminated (SIGTERM; 0 when it stopped a running `watch` that then finished its work)
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--sandbox": options.sandbox = true
            case "--dry-run": options.dryRun = true
            case "--yes", "-y": options.yes = true
            case "--no-color": options.noColor = true
            case "--verbose": options.verbose = true
            case "--version": options.showVersion = true
            case "--help", "-h": options.showHelp = true
            case "--generate-man": options.generateMan = true
            case "-X", "--no-init": options.noInit = true
            case "--profile":
                guard let value = rest.popFirst(), !value.isEmpty else {
                    throw UsageError(message: "--profile needs a name")
                }
                options.profile = value
            case _ where argument.hasPrefix("--profile="):
                let value = String(argument.dropFirst("--profile=".count))
                guard !value.isEmpty else { throw UsageError(message: "--profile needs a name") }
                options.profile = value
            case _ where argument.hasPrefix("--yes="):
                let value = String(argument.dropFirst("--yes=".count))
                guard !value.isEmpty else { throw UsageError(message: "--yes=PROFILE needs the name of a profile") }
                options.yes = true
                options.yesProfile = value
            case "--format":
                guard let value = rest.popFirst() else { throw UsageError(message: "--format needs a value") }
                guard let format = Settings.Format(rawValue: value) else {
                    throw UsageError(
                        message:
                            "--format must be one "
                                + "of \(Settings.Format.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                options.format = format
            case "--log-format":
                guard let value = rest.popFirst(), let format = EventLog.Format(rawValue: value) else {
                    throw UsageError(message: "--log-format must be text or json")
                }
                options.logFormat = format
            case "-c":
                guard let text = rest.popFirst() else { throw UsageError(message: "-c needs the text of a script") }
                options.mode = .command(text)
                options.scriptArguments = Array(rest)
                return options
            case "-":
                options.mode = .stdin
                options.scriptArguments = Array(rest)
                return options
            case "--":
                if let path = rest.popFirst() {
                    options.mode = .script(path: path)
                    options.scriptArguments = Array(rest)
                }
                return options
            default:
                if argument.hasPrefix("-"), argument.count > 1 {
                    throw UsageError(message: "unknown option \(argument) (see ast --help)")
                }
                options.mode = .script(path: argument)
                options.scriptArguments = Array(rest)
                return options
            }
        }
        return options
    }
}
