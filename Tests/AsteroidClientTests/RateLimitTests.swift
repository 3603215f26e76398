import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AsteroidClient

/// Issue 15, rate limits: against a sandbox that answers 429 above 10 requests a second
/// (`--faults rate:10/s`), 8 concurrent workers.
@Suite("rate limits: the client's cap, and what it learns from a 429", .serialized)
struct RateLimitTests {
    /// Notes when each attempt left and how it was answered.
    final class Recorder: ClientMiddleware, @unchecked Sendable {
        let lock = NSLock()
        var sends: [(sent: ContinuousClock.Instant, answered: ContinuousClock.Instant, status: Int)] = []

        func intercept(
            _ request: TransportRequest, context: ClientRequestContext,
            next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
        ) async throws(TransportFailure) -> TransportResponse {
            let sent = ContinuousClock.now
            let response = try await next(request)
            lock.withLock { sends.append((sent, .now, response.status)) }
            return response
        }
    }

    static func run(middlewares: [any ClientMiddleware], recorder: Recorder, requests: Int) async throws {
        let server = try await SandboxServer.start(
            .inMemory(executions: 20, speed: 100, faults: try FaultSpec(parsing: "rate:10/s")))
        let client = AsteroidClient(
            configuration: ClientConfiguration(
                baseURL: server.baseURL, apiKey: "k", middlewares: middlewares + [recorder]))
        let id = try #require(try await client.listExecutionsPage().items.first?.id)
        try await Task.sleep(for: .seconds(1.1))  // the bucket full again after the listing
        try await withThrowingTaskGroup(of: Void.self) { group in
            let next = Locked(0)
            for _ in 0..<8 {
                group.addTask {
                    while next.withLock({ n -> Bool in
                        n += 1
                        return n <= requests
                    }) {
                        _ = try await client.getExecution(id)
                    }
                }
            }
            try await group.waitForAll()
        }
        try await client.shutdown()
        await server.stop()
    }

    @Test("without a cap: after the first 429 is answered, no request sent is over the limit")
    func learnsFromFirst429() async throws {
        let recorder = Recorder()
        try await Self.run(middlewares: [], recorder: recorder, requests: 40)
        let sends = recorder.lock.withLock { recorder.sends }.dropFirst()
        let first429 = try #require(sends.filter { $0.status == 429 }.map(\.answered).min(), "the limit was never hit")
        // A request already past the gate when the 429 came back still reaches the wire a moment later:
        // "after" means sent more than 20 ms after the first 429 was answered.
        let late = sends.filter { $0.sent > first429 + .milliseconds(20) && $0.status == 429 }
        #expect(late.isEmpty, "\(late.count) requests sent after the first 429 were over the limit")
        #expect(sends.filter { $0.status == 200 }.count == 40)
    }

    @Test("with RateLimitMiddleware(10/s): not one 429, and the requests are spread over ~4 s")
    func capNeverHits() async throws {
        let recorder = Recorder()
        let started = ContinuousClock.now
        try await Self.run(
            middlewares: [RateLimitMiddleware(RateLimiter(perSecond: 10))], recorder: recorder, requests: 40)
        let sends = recorder.lock.withLock { recorder.sends }
        #expect(sends.allSatisfy { $0.status == 200 })
        #expect(ContinuousClock.now - started > .seconds(3.5))
    }
}
