import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AsteroidClient

/// Opt-in measurements (`AST_CLIENT_BENCH=1 swift test --filter ClientBenchmark`); prints numbers, asserts
/// only correctness.
@Suite("Client benchmark", .enabled(if: ProcessInfo.processInfo.environment["AST_CLIENT_BENCH"] != nil))
struct ClientBenchmarkTests {
    @Test("stream every execution from the sandbox, 100 per page; then 200 sequential GETs")
    func listAll() async throws {
        let count = Int(ProcessInfo.processInfo.environment["AST_CLIENT_BENCH"] ?? "") ?? 5000
        let sandbox = try await SandboxServer.start(.inMemory(executions: count, speed: 1))
        let wire = WireTimer()
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: sandbox.baseURL, apiKey: "bench", middlewares: [wire]))
        let clock = ContinuousClock()
        let stream = client.listExecutions()
        var listed: [Execution] = []
        let listing = try await clock.measure { listed = try await stream.collect() }
        let ids = listed.prefix(200).map(\.id)
        let gets = try await clock.measure { for id in ids { _ = try await client.getExecution(id) } }
        await sandbox.stop()
        #expect(listed.count == stream.total)
        print(
            "client bench: listed \(listed.count) executions in \(stream.pagesFetched) pages, \(listing);",
            "\(ids.count) GETs in \(gets) (\(gets / max(1, ids.count)) each);",
            "time waiting on the wire (server + transport) \(wire.total)")
    }
}

/// Sums the time spent below the middleware chain (transport and server).
final class WireTimer: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var _total = Duration.zero
    var total: Duration { lock.withLock { _total } }

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        let clock = ContinuousClock()
        let start = clock.now
        defer { lock.withLock { _total += clock.now - start } }
        return try await next(request)
    }
}
