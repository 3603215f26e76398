import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

/// Adds a header and records what it saw on each attempt.
struct TracingMiddleware: ClientMiddleware {
    let seen: LineRecorder

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        let key = request.header("X-Asteroid-Agents-Api-Key") ?? "none"
        seen.append(
            "\(context.operation) attempt \(context.attempt)/\(context.maxAttempts) \(context.relativeTarget) key=\(key)"
        )
        var request = request
        request.headers.append(("X-Trace", "t-\(context.attempt)"))
        return try await next(request)
    }
}

/// Answers without reaching the transport.
struct CannedMiddleware: ClientMiddleware {
    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        Fixture.json(200, #"{"items":[],"page":1,"pageSize":10,"total":0}"#)
    }
}

@Suite("Middlewares")
struct MiddlewareTests {
    @Test("user middlewares run on every attempt, before auth (they never see the key)")
    func everyAttempt() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.text(502, "bad")), .success(Fixture.json(200, Fixture.execution(Fixture.id))),
        ])
        let seen = LineRecorder()
        let client = Fixture.client(transport) { $0.middlewares = [TracingMiddleware(seen: seen)] }
        _ = try await client.getExecution(Fixture.id)
        #expect(
            seen.lines == [
                "execution_get attempt 1/10 /executions/\(Fixture.id) key=none",
                "execution_get attempt 2/10 /executions/\(Fixture.id) key=none",
            ])
        #expect(transport.requests.map { $0.header("X-Trace") } == ["t-1", "t-2"])
        #expect(transport.requests.allSatisfy { $0.header("X-Asteroid-Agents-Api-Key") == Fixture.key })
    }

    @Test("a middleware can answer on its own")
    func shortCut() async throws {
        let transport = FakeTransport(json: "{}")
        let client = Fixture.client(transport) { $0.middlewares = [CannedMiddleware()] }
        let page = try await client.listExecutionsPage()
        #expect(page.total == 0)
        #expect(transport.requests.isEmpty)
    }
}
