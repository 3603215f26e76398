import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AsteroidClient

/// The whole client against the in-process sandbox over real TCP (AsyncHTTPClient transport).
@Suite("Sandbox round trip over loopback", .serialized)
struct SandboxRoundTripTests {
    static let key = "sandbox-test-key"

    func withSandbox(
        _ config: SandboxConfig, retry: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(5)),
        _ body: (AsteroidClient) async throws -> Void
    ) async throws {
        let sandbox = try await SandboxServer.start(config)
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: sandbox.baseURL, apiKey: Self.key, retry: retry))
        do {
            try await body(client)
        } catch {
            try? await client.shutdown()
            await sandbox.stop()
            throw error
        }
        try await client.shutdown()
        await sandbox.stop()
    }

    @Test("list failed → rerun each → wait via sync → reruns found by get and by list with their parent")
    func rerunFailed() async throws {
        try await withSandbox(.inMemory(executions: 60, speed: 200, apiKey: Self.key)) { client in
            var failedQuery = ListExecutionsQuery()
            failedQuery.status = [.failed]
            let failed = try await client.listExecutions(failedQuery).collect(limit: 3)
            try #require(!failed.isEmpty, "the seeded sandbox has no failed executions")
            #expect(failed.allSatisfy { $0.status == .failed })

            var reruns: [String: String] = [:]  // new id → parent id
            for execution in failed {
                let started = try await client.rerun(execution.id)
                reruns[started.executionId] = execution.id
            }
            for id in reruns.keys {
                let done = try await client.waitUntilTerminal(id, timeoutSeconds: 5, maxPolls: 20)
                #expect(done.status.isTerminal, "rerun \(id) ended \(done.status)")
            }
            for (id, parent) in reruns {
                let fetched = try await client.getExecution(id)
                #expect(fetched.parentExecutionId == parent)
                #expect(fetched.status.isTerminal)
            }
            var everything = ListExecutionsQuery()
            everything.pageSize = 25
            let listed = try await client.listExecutions(everything).collect()
            let byId = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (id, parent) in reruns { #expect(byId[id]?.parentExecutionId == parent) }
            let parents = Set(reruns.values)
            let rerunParents = listed.filter { parents.contains($0.id) }
            #expect(rerunParents.count == parents.count)
            #expect(rerunParents.allSatisfy { $0.hasBeenRerun })
        }
    }

    @Test("an unknown id answers 404 with the server's message; a wrong key 401")
    func errors() async throws {
        try await withSandbox(.inMemory(executions: 5, apiKey: Self.key)) { client in
            let missing = await catchAsteroid { try await client.getExecution("00000000-0000-4000-8000-000000000000") }
            #expect(missing?.status == 404)
            #expect(missing?.serverMessage?.isEmpty == false)
            var configuration = client.configuration
            configuration.apiKey = "wrong-key"
            let stranger = AsteroidClient(configuration: configuration)
            let denied = await catchAsteroid { try await stranger.listExecutionsPage() }
            try await stranger.shutdown()
            #expect(denied?.status == 401)
            #expect(denied?.description.contains("wrong-key") == false)
        }
    }

    @Test("through injected 503/429/502 faults, every GET page still arrives")
    func faults() async throws {
        let faults = try FaultSpec(parsing: "503:0.1,429:0.05,502:0.15")
        try await withSandbox(
            .inMemory(executions: 60, faults: faults, apiKey: Self.key),
            retry: RetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))
        ) { client in
            var query = ListExecutionsQuery()
            query.pageSize = 10
            let stream = client.listExecutions(query)
            let all = try await stream.collect()
            #expect(all.count == stream.total)
            #expect(Set(all.map(\.id)).count == all.count)
        }
    }
}
