import AsteroidModels
import Foundation
import GRDB
import Logging

/// Everything the routes share: the repository, the lifecycle engine, the notifier and the config.
/// Opening it applies the migrations and seeds an empty database.
package final class SandboxServices: Sendable {
    let config: SandboxConfig
    let repository: any ExecutionRepository
    let engine: LifecycleEngine
    let notifier: ChangeNotifier
    let catalog: SeedCatalog
    let logger: Logger
    let faults: FaultDice
    /// Context files uploaded to running executions (in memory).
    let contextFiles = ContextFileStore()
    /// How long seeding took, when this open seeded the database.
    package let seedingSeconds: Double?

    package init(_ config: SandboxConfig, logger: Logger = Logger(label: "ast.sandbox")) async throws {
        if let problem = config.problem { throw SandboxStartError(message: problem) }
        self.config = config
        self.logger = logger
        let writer = try SandboxDatabase.open(path: config.databasePath)
        let repository = SQLiteRepository(writer: writer)
        self.repository = repository
        notifier = ChangeNotifier()
        engine = LifecycleEngine(repository: repository, clock: config.clock, notifier: notifier, logger: logger)
        let catalog = SeedCatalog(seed: config.seed, anchor: config.effectiveSeedAnchor)
        self.catalog = catalog
        faults = FaultDice(seed: config.seed)
        if try await repository.isEmpty() {
            let start = Date()
            let generator = SeedGenerator(catalog: catalog, seed: config.seed, anchor: config.effectiveSeedAnchor)
            var executions = generator.executions(count: max(0, config.executions))
            let generatedAt = Date()
            Self.encodeInParallel(&executions)
            let encodedAt = Date()
            try await repository.seed(agents: catalog.agents, executions: executions)
            func seconds(_ from: Date, _ to: Date) -> String { String(format: "%.2f", to.timeIntervalSince(from)) }
            let timing =
                "generate \(seconds(start, generatedAt)) s, encode \(seconds(generatedAt, encodedAt)) s, "
                + "insert \(seconds(encodedAt, Date())) s"
            logger.debug("seeded \(executions.count) executions: \(timing)")
            seedingSeconds = Date().timeIntervalSince(start)
        } else {
            seedingSeconds = nil
        }
    }

    /// Writes every execution's JSON on all cores with the hand-written writer (byte-identical to the
    /// shared encoder; `JSONEncoder` made this the most expensive part of a big seed). Fills
    /// `encodedBody` in place (no copy of the array). Dispatch's worker threads do it, not Swift
    /// concurrency's: in `ast` that runs on a single event loop thread (see main.swift).
    static func encodeInParallel(_ states: inout [ExecutionState]) {
        let chunk = 2_000
        let executions = states.map(\.execution)
        let chunks = (executions.count + chunk - 1) / chunk
        var bodies = [String?](repeating: nil, count: executions.count)
        bodies.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own disjoint range of the buffer.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                for i in (index * chunk)..<min((index + 1) * chunk, executions.count) {
                    out[i] = ExecutionJSONWriter.json(executions[i])
                }
            }
        }
        for index in states.indices { states[index].encodedBody = bodies[index] }
    }

    var factory: ExecutionFactory { ExecutionFactory(catalog: catalog, speed: config.speed) }

    /// Runs every lifecycle tick that is due now (for tests on a `ManualClock`).
    @discardableResult
    package func runDueWork() async throws -> Int { try await engine.runDue() }

    /// True when the lifecycle should run its own loop (any clock but a manual one).
    var runsOwnLoop: Bool { !(config.clock is ManualClock) }
}
