import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

/// After a 429 the whole client waits, so parallel workers do not stampede the server.
@Suite("429 gate shared by concurrent requests")
struct RetryGateTests {
    @Test("requests started during the server's wait are held until it ends")
    func sharedWait() async throws {
        let arrivals = Locked<[ContinuousClock.Instant]>([])
        let transport = FakeTransport { _, number throws(TransportFailure) in
            arrivals.withLock { $0.append(.now) }
            if number == 1 {
                return Fixture.json(429, #"{"code":429,"message":"slow down"}"#, headers: [("Retry-After", "1")])
            }
            return RetryTests.ok
        }
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: URL(string: "https://api.test/agents/v2")!, apiKey: "k"),
            transport: transport)
        let first = Task { try await client.getExecution(Fixture.id) }
        while transport.requests.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
        try await Task.sleep(for: .milliseconds(50))
        try await withThrowingTaskGroup(of: Execution.self) { group in
            for _ in 0..<16 { group.addTask { try await client.getExecution(Fixture.id) } }
            for try await _ in group {}
        }
        _ = try await first.value
        let times = arrivals.withLock { $0 }
        let opens = try #require(times.first) + .milliseconds(950)
        #expect(times.count == 18)
        #expect(times.dropFirst().filter { $0 < opens }.isEmpty, "requests sent while the server asked to wait")
    }

    @Test("the request that met the 429 waits once, not twice")
    func ownWaitOnce() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.json(429, "{}", headers: [("Retry-After", "1")])), .success(RetryTests.ok),
        ])
        let waits = WaitRecorder()
        _ = try await Fixture.client(transport, waits: waits).getExecution(Fixture.id)
        #expect(waits.waits == [.seconds(1)])
    }
}
