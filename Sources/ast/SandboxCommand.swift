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

    @Option(name: .customLong("api-key"), help: "Accept only this API key (default: any non-empty key).")
    var apiKey: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard executions >= 0 else { throw ValidationError("--executions must be 0 or more") }
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number") }
        do { _ = try FaultSpec(parsing: faults) } catch { throw ValidationError("--faults: \(error)") }
    }

    func run() async throws {
        let spec = try FaultSpec(parsing: faults)
        let config = SandboxConfig(
            host: host, port: port, databasePath: database ?? SandboxConfig.defaultDatabasePath(), seed: seed,
            executions: executions, speed: speed, faults: spec, apiKey: apiKey)
        let path = config.databasePath
        try await SandboxServer.serve(config) { url, seeding in
            var lines = ["ast sandbox listening on \(url)", "database: \(path)"]
            if let seeding {
                lines.append("seeded \(config.executions) executions (seed \(config.seed)) in \(String(format: "%.2f", seeding)) s")
            }
            if !spec.isEmpty { lines.append("fault injection on: \(faults)") }
            lines.append("Press Ctrl-C to stop.")
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
