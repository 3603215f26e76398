import AsteroidClient
import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

/// The rerun daemon end to end (issue 15): `watch | each rerun --max-attempts 3` in a real `ast` process
/// against a sandbox whose executions keep failing (inputs `fail: true`, which reruns copy), killed with
/// SIGKILL mid-run and restarted with the same state. The truth is read from the sandbox afterwards.
@Suite("watch | each rerun --max-attempts: kill -9, restart, every lineage exactly at the limit", .serialized)
struct WatchDaemonTests {
    static let batch = "watch-daemon-test"

    /// Our executions (metadata batch), from the sandbox: id → parent.
    static func ours(_ client: AsteroidClient) async throws -> [Execution] {
        var query = ListExecutionsQuery()
        query.metadataKey = "batch"
        query.metadataValue = batch
        query.pageSize = 100
        return try await client.listExecutions(query).collect(limit: 10_000)
    }

    static func start(_ stateFile: String, base: String, options: [String] = []) throws -> AstProcess {
        let script = """
            watch status=failed meta.batch=\(batch) since=1h every=300ms state=\(stateFile) \
            | each -p 4 rerun --max-attempts 3 | .id
            """
        return try AstProcess(
            options + ["-c", script], environment: ["ASTEROID_API_KEY": "sk-test-watch", "ASTEROID_BASE_URL": base])
    }

    @Test("originals made before, during and after a SIGKILL all end with exactly 3 attempts, none rerun twice")
    func killNineAndRestart() async throws {
        // Speed 8: a run takes 0.6–2.5 s, so between the first reruns (when the kill comes) and the last there
        // are seconds, even on a loaded machine where this test's polling lags.
        let server = try await SandboxServer.start(.inMemory(seed: 3, executions: 30, speed: 8))
        let client = AsteroidClient(configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"))
        let agent = try #require(try await client.listAgents().collect(limit: 10).first)
        let request = ExecuteRequest(inputs: ["fail": .bool(true)], metadata: ["batch": Self.batch])
        func makeOriginals(_ count: Int) async throws {
            for _ in 0..<count { _ = try await client.execute(agentId: agent.id, request: request) }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let stateFile = directory.appendingPathComponent("state").path
        defer { try? FileManager.default.removeItem(at: directory) }

        try await makeOriginals(4)
        let first = try Self.start(stateFile, base: server.baseURL.absoluteString)
        // Mid-run: some reruns made, the lineages not yet complete (4 originals need 8 reruns).
        let deadline = ContinuousClock.now + .seconds(60)
        while try await Self.ours(client).filter({ $0.parentExecutionId != nil }).count < 3,
            ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(50))
        }
        first.signal(SIGKILL)
        let killed = await first.finish()
        #expect(killed.killedBySignal)
        let atKill = try await Self.ours(client).count
        #expect(atKill < 12, "the daemon had already finished before the kill (\(atKill) executions)")

        try await makeOriginals(2)
        let second = try Self.start(stateFile, base: server.baseURL.absoluteString, options: ["--log-format", "json"])
        try await makeOriginals(2)
        // 8 originals × 3 attempts; then a while longer, to see that nothing more comes.
        let end = ContinuousClock.now + .seconds(90)
        while try await Self.ours(client).count < 24, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(3))
        let signalled = ContinuousClock.now
        second.signal(SIGTERM)
        let stopped = await second.finish()
        // SIGTERM stops a watch gracefully: the stream ends, in-flight work finishes, exit 0, promptly.
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(ContinuousClock.now - signalled < .seconds(5))
        // --log-format json: every stderr line is one JSON object with an event, a stop among them.
        let lines = stopped.stderr.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("{\"time\":") && $0.contains("\"event\":") }, "\(stopped.stderr)")
        #expect(lines.contains { $0.contains("\"event\":\"stop\"") })
        #expect(lines.contains { $0.contains("\"event\":\"poll\"") })

        let executions = try await Self.ours(client)
        let byId = Dictionary(executions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let children = Dictionary(grouping: executions.compactMap(\.parentExecutionId), by: { $0 })
        #expect(children.values.allSatisfy { $0.count == 1 }, "an execution was rerun twice")
        let originals = executions.filter { $0.parentExecutionId == nil }
        #expect(originals.count == 8)
        for execution in executions {
            var depth = 1
            var current = execution
            while let parent = current.parentExecutionId.flatMap({ byId[$0] }) {
                depth += 1
                current = parent
            }
            #expect(depth <= 3, "a lineage is longer than --max-attempts: \(execution.id) is attempt \(depth)")
        }
        let leaves = executions.filter { children[$0.id] == nil }
        #expect(leaves.count == 8)
        #expect(executions.count == 24, "\(executions.count) executions; stderr: \(stopped.stderr)")
        #expect(!executions.contains { $0.status == .completed }, "a run the sandbox should fail completed")
        try await client.shutdown()
        await server.stop()
    }
}
