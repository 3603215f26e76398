import AstBuiltins
import AstCommands
import AstConfig
import AstHost
import AstREPL
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation

/// Runs `ast`: decides the mode, sets up the API (or the in-process sandbox), runs, maps to exit codes.
enum Launcher {
    static func main(_ arguments: [String]) async -> Int32 {
        if arguments.first == "sandbox" {
            await SandboxCommand.main(Array(arguments.dropFirst()))
            return 0
        }
        if arguments.first == "config" { return ConfigCommand.main(Array(arguments.dropFirst())) }
        if arguments.first == "completions" { return CompletionScript.main(Array(arguments.dropFirst())) }
        let options: Options
        do { options = try Options.parse(arguments) } catch let error as Options.UsageError {
            Terminal.error("ast: \(error.message)")
            return 2
        } catch {
            return 2
        }
        if options.showHelp {
            Terminal.out(Options.help + "\n")
            return 0
        }
        if options.generateMan {
            Terminal.out(ManPage.render())
            return 0
        }
        if options.showVersion {
            Terminal.out("ast \(AsteroidClientVersion.current)\n")
            return 0
        }
        var mode = options.mode
        if mode == .interactive, !Terminal.stdinIsTerminal { mode = .stdin }
        let environment = ProcessInfo.processInfo.environment
        // config.toml: the profile (--profile, AST_PROFILE, default-profile), its key and defaults.
        let launch: LaunchProfile
        do {
            launch = try LaunchProfile.resolve(
                profileFlag: options.profile, environment: environment, resolveKey: !options.sandbox)
            try launch.checkYes(options)
        } catch {
            Terminal.error("ast: \(error)")
            return 2
        }
        let key = launch.key
        // From here on, nothing the language prints shows the key (`open /proc/self/environ --raw`, `print`).
        let outputRedactor = Redactor(secrets: launch.secrets, minimumLength: Session.secretMinimumLength)
        if outputRedactor.isActive { OutputFilter.install { outputRedactor.scrubOutput($0) } }
        let useSandbox = options.sandbox || (mode == .interactive && key == nil && launch.active == nil)
        if !useSandbox, key == nil {
            let profileHint =
                launch.active.map { "profile \($0.name) names no key-command, key-env or key, and " } ?? ""
            Terminal.error(
                "ast: no API key: \(profileHint)set ASTEROID_API_KEY, or pass --sandbox to run against a local sandbox")
            return 2
        }
        let source: SourceFile
        switch mode {
        case .script(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                Terminal.error("ast: cannot read \(path): no such file")
                return 2
            }
            source = SourceFile(name: path, text: String(decoding: data, as: UTF8.self))
        case .command(let text): source = SourceFile(name: "<-c>", text: text)
        case .stdin:
            let data = FileHandle.standardInput.readDataToEndOfFile()
            source = SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
        case .interactive: source = SourceFile(name: "<input>", text: "")
        }
        var sandbox: SandboxServer?
        var configuration: ClientConfiguration
        do {
            if useSandbox {
                let server = try await SandboxServer.start(.inMemory())
                sandbox = server
                configuration = ClientConfiguration(baseURL: server.baseURL, apiKey: "sandbox")
            } else {
                configuration = try ClientConfiguration.fromEnvironment(launch.clientEnvironment)
            }
        } catch {
            Terminal.error("ast: \(error)")
            return 2
        }
        configuration.retry = RetryPolicy()
        let requests = RequestCounter()
        if mode == .interactive { configuration.middlewares.append(requests) }
        let api = APIService(configuration: configuration)
        defer { Task { await api.shutdown() } }
        var settings = Settings()
        settings.terminalOutput = Terminal.stdoutIsTerminal
        settings.interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
        settings.color = Terminal.stdoutIsTerminal && environment["NO_COLOR"] == nil && !options.noColor
        settings.width = Terminal.width
        settings.dryRun = options.dryRun
        settings.confirm = !options.yes
        settings.trace = options.verbose
        settings.pushdown = !["off", "0", "false", "no"].contains(environment["AST_PUSHDOWN"]?.lowercased() ?? "")
        if let format = options.format { settings.format = format }
        do { try launch.apply(to: &settings, options: options) } catch {
            Terminal.error("ast: \(error)")
            return 2
        }
        let profileName = useSandbox ? nil : launch.active?.name
        let gateProfile = useSandbox || !launch.asksBeforeEveryChange(options) ? nil : profileName
        let initPath = options.noInit ? nil : ConfigLocation.initFile(environment: environment)
        let code: Int32
        if mode == .interactive {
            let target: ReplTarget =
                useSandbox
                ? .sandbox(baseURL: configuration.baseURL.absoluteString)
                : .api(baseURL: configuration.baseURL.absoluteString)
            let frozen = settings
            code = await runInteractive(
                target: target, version: AsteroidClientVersion.current, apiKey: key ?? launch.secrets.first,
                environment: environment, noColor: options.noColor, profile: profileName,
                requestCount: { requests.value }
            ) { console in
                await launch.promptEngine(
                    console: console, api: api, settings: frozen, environment: environment, profileName: profileName,
                    gateProfile: gateProfile, initPath: initPath)
            }
        } else {
            let ask: @Sendable (String) async -> Bool = { question in Terminal.ask(question) }
            let session = Session(
                api: api, settings: settings, confirmer: settings.interactive ? ask : nil,
                arguments: options.scriptArguments, environment: environment,
                progressDisplay: StderrProgressDisplay.forTerminal(environment: environment, noColor: options.noColor))
            launch.defineProfileVariable(in: session, shown: profileName)
            let gate = gateProfile.map { name in
                ChangeGate(profile: name, ask: Terminal.stdinIsTerminal ? ask : nil)
            }
            EventLog.install(options.logFormat, on: session.interpreter)
            code = await ScriptRun.run(source, session: session, gate: gate)
        }
        await api.shutdown()
        await sandbox?.stop()
        return code
    }
}
