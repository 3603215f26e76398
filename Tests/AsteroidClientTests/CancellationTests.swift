import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Cancellation through the client layers")
struct CancellationTests {
    @Test("cancelled while waiting to retry: no further request, kind .cancelled")
    func duringBackoff() async throws {
        let transport = FakeTransport(
            status: 503, json: #"{"code":503,"message":"busy"}"#, headers: [("Retry-After", "30")])
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: URL(string: "https://api.test")!, apiKey: Fixture.key),
            transport: transport)
        let task = Task { await catchAsteroid { try await client.getExecution(Fixture.id) } }
        while transport.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let error = await task.value
        #expect(error?.kind == .cancelled)
        #expect(error?.description == "GET /executions/\(Fixture.id) was cancelled")
        #expect(transport.requests.count == 1)
    }

    @Test("a cancelled task sends nothing")
    func beforeSending() async throws {
        let transport = FakeTransport(json: Fixture.execution(Fixture.id))
        let client = Fixture.client(transport)
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return await catchAsteroid { try await client.listExecutions().collect() }
        }
        task.cancel()
        #expect(await task.value?.kind == .cancelled)
        #expect(transport.requests.isEmpty)
    }
}
