import AsteroidClient
import AsteroidSandbox
import AstBuiltins
import AstCommands
import AstREPL
import AstRuntime
import AstSyntax
import Foundation

/// Runs `ast`: decides the mode, sets up the API (or the in-process sandbox), runs, maps to exit codes.
enum Launcher {
    static func main(_ arguments: [String]) async -> Int32 {
        if arguments.first == "sandbox" {
            await SandboxCommand.main(Array(arguments.dropFirst()))
            return 0
        }
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
        if options.showVersion {
            Terminal.out("ast \(AsteroidClientVersion.current)\n")
            return 0
        }
        var mode = options.mode
        if mode == .interactive, !Terminal.stdinIsTerminal { mode = .stdin }
        let environment = ProcessInfo.processInfo.environment
        let key = environment["ASTEROID_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        // From here on, nothing the language prints shows the key (`open /proc/self/environ --raw`, `print`).
        let outputRedactor = Redactor(secrets: key.map { [$0] } ?? [], minimumLength: Session.secretMinimumLength)
        if outputRedactor.isActive { OutputFilter.install { outputRedactor.scrubOutput($0) } }
        let useSandbox = options.sandbox || (mode == .interactive && key == nil)
        if !useSandbox, key == nil {
            Terminal.error("ast: no API key: set ASTEROID_API_KEY, or pass --sandbox to run against a local sandbox")
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
                configuration = try ClientConfiguration.fromEnvironment(environment)
            }
        } catch {
            Terminal.error("ast: \(error)")
            return 2
        }
        configuration.retry = RetryPolicy()
        let api = APIService(configuration: configuration)
        defer { Task { await api.shutdown() } }
        var settings = Settings()
        settings.terminalOutput = Terminal.stdoutIsTerminal
        settings.interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
        settings.color = Terminal.stdoutIsTerminal && environment["NO_COLOR"] == nil && !options.noColor
        settings.width = Terminal.width
        settings.dryRun = options.dryRun
        settings.confirm = !options.yes
        if let format = options.format { settings.format = format }
        let code: Int32
        if mode == .interactive {
            let target: ReplTarget = useSandbox ? .sandbox(baseURL: configuration.baseURL.absoluteString)
                : .api(baseURL: configuration.baseURL.absoluteString)
            let frozen = settings
            code = await runInteractive(target: target, version: AsteroidClientVersion.current, apiKey: key,
                                        environment: environment, noColor: options.noColor) { console in
                let session = Session(api: api, settings: frozen, confirmer: { await console.confirm($0) },
                    environment: environment, progressDisplay: console.progressDisplay)
                return SessionReplEngine(session: session, interactive: console.reader.isInteractive,
                    terminalOutput: Terminal.stdoutIsTerminal)
            }
        } else {
            let ask: @Sendable (String) async -> Bool = { question in Terminal.ask(question) }
            let session = Session(api: api, settings: settings, confirmer: settings.interactive ? ask : nil,
                arguments: options.scriptArguments, environment: environment,
                progressDisplay: StderrProgressDisplay.forTerminal(environment: environment, noColor: options.noColor))
            EventLog.install(options.logFormat, on: session.interpreter)
            code = await ScriptRun.run(source, session: session)
        }
        await api.shutdown()
        await sandbox?.stop()
        return code
    }
}
