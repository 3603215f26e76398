import ArgumentParser
import AsteroidSandbox
import Foundation

/// `ast sandbox`: serve a local, stateful Asteroid Agents API in the foreground until Ctrl-C or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a local, stateful Asteroid Agents API (no network, no real key needed).",
        discussion: """
            Answers like https://odyssey.asteroid.ai/agents/v2 on http://HOST:PORT/agents/v2, keeps state in
            SQLite, and moves executions through their lifecycle on a clock. See docs/sandbox.md.

            Example: ast sandbox --port 8787 --faults 503:0.1,latency:50ms
            """)

    @Option(help: "Interface to bind.")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = 8787

    @Option(name: .customLong("db"), help: "SQLite file, or :memory:. Default: $XDG_DATA_HOME/ast/sandbox.sqlite.")
    var database: String?

    @Option(help: "Seed of the demo data and of the fault dice.")
    var seed: UInt64 = 1

    @Option(help: "Demo executions to create when the database is empty.")
    var executions = 500

    @Option(help: "Lifecycle speed factor (1 = a run takes ~5–20 s, 10 = ten times faster).")
    var speed = 1.0

    @Option(help: "Random faults, e.g. 500:0.05,503:0.05,429:0.05,latency:20ms,reset:0.01.")
    var faults = ""

    @Option(
        name: .customLong("api-key"),
        help: "Accept only this API key (visible in ps: prefer $\(Self.keyVariable) or --api-key-file).")
    var apiKey: String?

    @Option(name: .customLong("api-key-file"), help: "Accept only the key in this file (one line).")
    var apiKeyFile: String?

    /// The environment variable that carries the key without putting it on the command line.
    static let keyVariable = "ASTEROID_SANDBOX_API_KEY"

    /// `ast sandbox …` as `Launcher` calls it: usage errors exit 2 (ArgumentParser's default is 64), a
    /// failure to start or serve exits 1, help exits 0.
    static func main(_ arguments: [String]) async {
        let command: SandboxCommand
        do {
            command = try parse(arguments)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                FileHandle.standardOutput.write(Data((message + "\n").utf8))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data(("ast sandbox: " + message + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            try await command.run()
        } catch {
            FileHandle.standardError.write(Data("ast sandbox: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard executions >= 0 else { throw ValidationError("--executions must be 0 or more") }
        do { _ = try FaultSpec(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
        let config = SandboxConfig(speed: speed, faults: (try? FaultSpec(parsing: faults)) ?? FaultSpec())
        if let problem = config.problem { throw ValidationError(problem) }
        _ = try key()
    }

    /// The one accepted key: `--api-key` or `--api-key-file` (not both), else `$ASTEROID_SANDBOX_API_KEY`,
    /// or nil for "any non-empty key". A key file's trailing newline (LF or CRLF) is dropped; a key with
    /// other control characters is refused without echoing it.
    func key(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard apiKey == nil || apiKeyFile == nil else {
            throw ValidationError("give --api-key or --api-key-file, not both")
        }
        var key = apiKey ?? environment[Self.keyVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let path = apiKeyFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--api-key-file: cannot read \(path)")
            }
            var text = String(decoding: data, as: UTF8.self)
            while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
            key = text
        }
        guard let key else { return nil }
        guard !key.isEmpty else { throw ValidationError("the sandbox API key is empty") }
        guard !key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError("the sandbox API key contains a control character (not shown)")
        }
        return key
    }

    func run() async throws {
        let spec = try FaultSpec(parsing: faults)
        let config = SandboxConfig(
            host: host, port: port, databasePath: database ?? SandboxConfig.defaultDatabasePath(), seed: seed,
            executions: executions, speed: speed, faults: spec, apiKey: try key())
        let path = config.databasePath
        try await SandboxServer.serve(config) { url, seeding in
            var lines = ["ast sandbox listening on \(url)", "database: \(path)"]
            if let seeding {
                lines.append(
                    "seeded \(config.executions) executions (seed \(config.seed)) "
                        + "in \(String(format: "%.2f", seeding)) s"
                )
            }
            if !spec.isEmpty { lines.append("fault injection on: \(faults)") }
            lines.append("Press Ctrl-C to stop.")
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
