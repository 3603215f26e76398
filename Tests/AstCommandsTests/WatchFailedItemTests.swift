import AsteroidClient
import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

/// `watch | each rerun` when the rerun itself fails (issue 15): the sandbox answers every rerun POST with
/// 400 from its start (`--faults reruns-400:60s`) until the outage ends, then reruns work again. A failed
/// item is not recorded in the state, so a later poll (or a restart, even after SIGKILL) offers it again;
/// one that keeps failing is given up loudly (`gave-up`) and then recorded.
@Suite("watch | each rerun: a failed rerun is offered again, across kill -9; a permanent one is given up", .serialized)
struct WatchFailedItemTests {
    static func ours(_ client: AsteroidClient, batch: String) async throws -> [Execution] {
        var query = ListExecutionsQuery()
        query.metadataKey = "batch"
        query.metadataValue = batch
        query.pageSize = 100
        return try await client.listExecutions(query).collect(limit: 10_000)
    }

    static func start(_ stateFile: String, batch: String, base: String, extra: String = "") throws -> AstProcess {
        let script = """
            watch status=failed meta.batch=\(batch) since=1h every=300ms state=\(stateFile) \(extra) \
            | each -p 4 rerun --max-attempts 2 | .id
            """
        return try AstProcess(
            ["--log-format", "json", "-c", script],
            environment: ["ASTEROID_API_KEY": "sk-test-watch", "ASTEROID_BASE_URL": base])
    }

    /// Originals of `batch` (inputs `fail: true`, so they and their reruns fail).
    static func makeOriginals(_ count: Int, batch: String, client: AsteroidClient) async throws {
        let agent = try #require(try await client.listAgents().collect(limit: 10).first)
        let request = ExecuteRequest(inputs: ["fail": .bool(true)], metadata: ["batch": batch])
        for _ in 0..<count { _ = try await client.execute(agentId: agent.id, request: request) }
    }

    /// A sandbox that refuses every rerun with 400 for the longest outage it allows (60 s, or until the test
    /// ends it), and a client on it.
    static func outage() async throws -> (SandboxServer, AsteroidClient) {
        let faults = try FaultSpec(parsing: "reruns-400:60s")
        let server = try await SandboxServer.start(.inMemory(seed: 3, executions: 30, speed: 20, faults: faults))
        return (server, AsteroidClient(configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key")))
    }

    static func stateIds(_ path: String) -> Set<String> {
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        // `ID CREATED` lines are handled items; `ID CREATED FAILURES` lines count failures of unhandled ones.
        return Set(
            text.split(separator: "\n").compactMap {
                let parts = $0.split(separator: " ")
                return parts.count == 2 ? String(parts[0]) : nil
            })
    }

    @Test("reruns refused, a SIGKILL in the outage: once reruns work again, every original is rerun exactly once")
    func outageThenRecovery() async throws {
        // The outage is as long as the sandbox allows (60 s) and is ended by the test once the first process
        // has failed its reruns and been killed: on a loaded machine (the whole suite runs in parallel, beside
        // a build) a window of fixed length could end before that, and the reruns would then simply succeed.
        let (server, client) = try await Self.outage()
        let batch = "watch-failed-item-test"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let stateFile = directory.appendingPathComponent("state").path
        defer { try? FileManager.default.removeItem(at: directory) }

        try await Self.makeOriginals(4, batch: batch, client: client)
        let first = try Self.start(stateFile, batch: batch, base: server.baseURL.absoluteString)
        // Killed once it has failed reruns and scheduled them again (and a poll later, so the state file has
        // had every chance to record what it must not).
        _ = try await first.waitForStderr("\"event\":\"retry-later\"", timeout: .seconds(45))
        try await Task.sleep(for: .seconds(1))
        first.signal(SIGKILL)
        let killed = await first.finish()
        server.endRerunOutage()
        #expect(killed.killedBySignal)
        #expect(killed.stderr.contains("\"event\":\"item-failed\""), "\(killed.stderr)")
        #expect(killed.stderr.contains("\"event\":\"retry-later\""), "\(killed.stderr)")
        let originals = try await Self.ours(client, batch: batch)
        #expect(originals.count == 4, "a rerun was made during the outage")
        // The heart of it: a failed item is not recorded as handled.
        #expect(
            Self.stateIds(stateFile).isDisjoint(with: originals.map(\.id)), "a failed rerun was recorded as handled")

        try await Self.makeOriginals(2, batch: batch, client: client)
        let second = try Self.start(stateFile, batch: batch, base: server.baseURL.absoluteString)
        // 6 originals, each rerun once (--max-attempts 2); then a while longer, to see nothing more comes.
        let end = ContinuousClock.now + .seconds(60)
        while try await Self.ours(client, batch: batch).count < 12, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(2))
        second.signal(SIGTERM)
        let stopped = await second.finish()
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(!stopped.stderr.contains("\"event\":\"gave-up\""), "\(stopped.stderr)")

        let executions = try await Self.ours(client, batch: batch)
        let children = Dictionary(grouping: executions.compactMap(\.parentExecutionId), by: { $0 })
        let roots = executions.filter { $0.parentExecutionId == nil }
        #expect(roots.count == 6)
        #expect(children.values.allSatisfy { $0.count == 1 }, "an execution was rerun twice")
        for root in roots { #expect(children[root.id]?.count == 1, "\(root.id) was never rerun: \(stopped.stderr)") }
        #expect(executions.count == 12, "\(executions.count) executions; stderr: \(stopped.stderr)")
        // Everything handled is recorded, up to the graceful stop: one more pass offers nothing.
        let again = try await AstProcess.run(
            ["-c", "watch status=failed meta.batch=\(batch) since=1h state=\(stateFile) --once | each rerun | .id"],
            environment: ["ASTEROID_API_KEY": "sk-test-watch", "ASTEROID_BASE_URL": server.baseURL.absoluteString])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.isEmpty && again.stderr.isEmpty, "\(again.stdout)\(again.stderr)")
        try await client.shutdown()
        await server.stop()
    }

    @Test("reruns refused for good: each item is given up after retry-failed= failures, loudly, and recorded")
    func permanentFailureGivesUp() async throws {
        let (server, client) = try await Self.outage()
        let batch = "watch-gave-up-test"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let stateFile = directory.appendingPathComponent("state").path
        defer { try? FileManager.default.removeItem(at: directory) }

        try await Self.makeOriginals(2, batch: batch, client: client)
        let daemon = try Self.start(
            stateFile, batch: batch, base: server.baseURL.absoluteString, extra: "retry-failed=2")
        let end = ContinuousClock.now + .seconds(30)
        while Self.stateIds(stateFile).count < 2, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(1))
        daemon.signal(SIGTERM)
        let stopped = await daemon.finish()
        #expect(stopped.status == 0, "\(stopped.stderr)")
        let originals = try await Self.ours(client, batch: batch)
        #expect(originals.count == 2)
        let lines = stopped.stderr.split(separator: "\n")
        for original in originals {
            // Offered 3 times (the first and 2 more), failed each time, then given up once.
            let failed = lines.filter { $0.contains("\"event\":\"item-failed\"") && $0.contains(original.id) }
            let gaveUp = lines.filter { $0.contains("\"event\":\"gave-up\"") && $0.contains(original.id) }
            #expect(failed.count == 3, "\(stopped.stderr)")
            #expect(gaveUp.count == 1, "\(stopped.stderr)")
        }
        #expect(Self.stateIds(stateFile) == Set(originals.map(\.id)))
        try await client.shutdown()
        await server.stop()
    }

    @Test("a crash loop does not grant retry-failed= again: failures before a kill -9 count after the restart")
    func failuresSurviveKill() async throws {
        let (server, client) = try await Self.outage()
        let batch = "watch-crash-loop-test"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let stateFile = directory.appendingPathComponent("state").path
        defer { try? FileManager.default.removeItem(at: directory) }

        try await Self.makeOriginals(1, batch: batch, client: client)
        let base = server.baseURL.absoluteString
        let first = try Self.start(stateFile, batch: batch, base: base, extra: "retry-failed=2")
        // Two failures, each offered again later (the allowance of 2 is spent), then a crash.
        #expect(try await first.waitForStderr("\"event\":\"retry-later\"", count: 2, timeout: .seconds(45)))
        first.signal(SIGKILL)
        _ = await first.finish()
        let original = try #require(try await Self.ours(client, batch: batch).first)
        #expect(!Self.stateIds(stateFile).contains(original.id), "a failed item was recorded as handled")

        let second = try Self.start(stateFile, batch: batch, base: base, extra: "retry-failed=2")
        _ = try await second.waitForStderr("\"event\":\"gave-up\"", timeout: .seconds(30))
        second.signal(SIGTERM)
        let stopped = await second.finish()
        let lines = stopped.stderr.split(separator: "\n").filter { $0.contains(original.id) }
        // After the restart: one more failure, the third, and it is given up (without the kept count: 3 more).
        #expect(lines.filter { $0.contains("\"event\":\"item-failed\"") }.count == 1, "\(stopped.stderr)")
        #expect(lines.filter { $0.contains("\"event\":\"gave-up\"") }.count == 1, "\(stopped.stderr)")
        #expect(lines.contains { $0.contains("\"failures\":3") }, "\(stopped.stderr)")
        #expect(Self.stateIds(stateFile) == [original.id])
        try await client.shutdown()
        await server.stop()
    }
}
