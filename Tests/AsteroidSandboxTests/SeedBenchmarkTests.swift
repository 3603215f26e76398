import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

/// A manual measurement, not a timing assertion: `SANDBOX_BENCH=100000 swift test --filter SeedBenchmark`.
@Suite("seed benchmark (manual)")
struct SeedBenchmarkTests {
    static let count = Int(ProcessInfo.processInfo.environment["SANDBOX_BENCH"] ?? "") ?? 0

    @Test("seed N executions into a file database and query it", .enabled(if: count > 0))
    func seed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandbox-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = SeedCatalog(seed: 1, anchor: Date())
        var start = Date()
        let states = SeedGenerator(catalog: catalog, seed: 1, anchor: Date()).executions(count: Self.count)
        let generation = Date().timeIntervalSince(start)
        start = Date()
        let encoder = AsteroidJSON.makeEncoder()
        for state in states { _ = try encoder.encode(state.execution) }
        print(
            "SEED-BENCH parts: generate \(String(format: "%.2f", generation)) s, JSON-encode \(String(format: "%.2f", Date().timeIntervalSince(start))) s"
        )
        for path in [":memory:", directory.appendingPathComponent("bench.sqlite").path] {
            let harness = try await Harness.make(executions: Self.count, seed: 1, path: path)
            let seconds = try #require(harness.services.seedingSeconds)
            var query = ListExecutionsQuery()
            query.status = [.failed]
            query.outcomeLabel = "timeout"
            query.metadataKey = "env"
            query.metadataValue = "prod"
            query.sort = "started_at:desc"
            query.pageSize = 100
            let start = Date()
            let page = try await harness.services.repository.listExecutions(query, now: harness.clock.now)
            let querySeconds = Date().timeIntervalSince(start)
            print(
                "SEED-BENCH \(path == ":memory:" ? "memory" : "file") \(Self.count) executions: seeded in \(String(format: "%.2f", seconds)) s; filtered list (total \(page.total)) in \(String(format: "%.3f", querySeconds)) s"
            )
            #expect(
                try await harness.services.repository.listExecutions(ListExecutionsQuery(), now: harness.clock.now)
                    .total == Self.count)
        }
    }
}
