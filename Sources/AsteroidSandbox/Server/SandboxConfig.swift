import Foundation

/// Everything `ast sandbox` and the in-process `SandboxServer.start` take.
///
/// The defaults match the command line: loopback, port 8787, 500 demo executions from seed 1, real-time
/// lifecycle, no faults, any non-empty API key accepted.
public struct SandboxConfig: Sendable {
    /// Interface to bind. Default `127.0.0.1`.
    public var host: String
    /// TCP port; `0` picks a free port (what `SandboxServer.start` uses for tests).
    public var port: Int
    /// SQLite file path, or `":memory:"` for a throwaway database.
    public var databasePath: String
    /// Seed of the deterministic demo data and of the fault dice.
    public var seed: UInt64
    /// How many demo executions to create when the database is empty (0 = none).
    public var executions: Int
    /// Lifecycle speed factor: 1 = a run takes ~5–20 s; 100 = ~50–200 ms.
    public var speed: Double
    /// Random fault injection applied to every request, e.g. `500:0.05,503:0.05,429:0.05,latency:20ms,reset:0.01`.
    public var faults: FaultSpec
    /// When set, the only API key accepted. When nil, any non-empty key is accepted.
    public var apiKey: String?
    /// "Now" for the demo data: ~15% of the executions fall in the 24 hours before it, the rest over the
    /// 30 days before that. Default: the start of the current UTC hour, so `since=24h` always finds the
    /// last day's runs and the same seed gives the same data within the hour.
    public var seedAnchor: Date?
    /// The lifecycle clock. `.system` in production; `.manual(ManualClock)` in tests that drive time.
    public var clock: any SandboxClock
    /// Write one line per request (method, path, status, ms) to the logger.
    public var logRequests: Bool
    /// The longest any request may wait (a sync long-poll, an injected latency). Requests ask for at most
    /// 25 s (long-polls) and 60 s (latency); the request fuzzer lowers this so a long-poll takes
    /// milliseconds and a hang stands out.
    package var waitLimit: Duration = .seconds(60)

    /// The speeds accepted (`--speed`): beyond them a run's durations would be absurd (or overflow).
    public static let speedRange: ClosedRange<Double> = 0.001...1_000_000

    /// Nil when the config can serve; otherwise what is wrong with it, naming the option.
    public var problem: String? {
        guard speed.isFinite, Self.speedRange.contains(speed) else {
            return "--speed must be a number from 0.001 to 1000000, got \(speed)"
        }
        guard (0...65_535).contains(port) else { return "--port must be between 0 and 65535, got \(port)" }
        guard faults.latencyMs >= 0, faults.latencyMs <= FaultSpec.maxLatencyMs else {
            return "--faults: latency must be at most \(FaultSpec.maxLatencyMs / 1000)s"
        }
        return nil
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8787, databasePath: String = SandboxConfig.defaultDatabasePath(),
        seed: UInt64 = 1, executions: Int = 500, speed: Double = 1, faults: FaultSpec = FaultSpec(),
        apiKey: String? = nil, seedAnchor: Date? = nil, clock: any SandboxClock = SystemClock(),
        logRequests: Bool = true
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.seed = seed
        self.executions = executions
        self.speed = speed
        self.faults = faults
        self.apiKey = apiKey
        self.seedAnchor = seedAnchor
        self.clock = clock
        self.logRequests = logRequests
    }

    /// A config for tests and `ast --sandbox`: in-memory database, free loopback port, quiet.
    public static func inMemory(
        seed: UInt64 = 1, executions: Int = 500, speed: Double = 50, faults: FaultSpec = FaultSpec(),
        apiKey: String? = nil, clock: any SandboxClock = SystemClock()
    ) -> SandboxConfig {
        SandboxConfig(
            host: "127.0.0.1", port: 0, databasePath: ":memory:", seed: seed, executions: executions,
            speed: speed, faults: faults, apiKey: apiKey, clock: clock, logRequests: false)
    }

    /// `$XDG_DATA_HOME/ast/sandbox.sqlite`, falling back to `~/.local/share/ast/sandbox.sqlite`.
    public static func defaultDatabasePath(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/ast/sandbox.sqlite"
    }

    /// The anchor actually used for seeding.
    var effectiveSeedAnchor: Date {
        if let seedAnchor { return seedAnchor }
        let now = clock.now.timeIntervalSince1970
        return Date(timeIntervalSince1970: (now / 3_600).rounded(.down) * 3_600)
    }
}
