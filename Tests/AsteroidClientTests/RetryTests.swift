import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Retry: GETs retry, mutations only when they certainly did not take effect")
struct RetryTests {
    let id = Fixture.id
    static let ok = Fixture.json(200, Fixture.execution(Fixture.id))
    static let change = Fixture.json(200, #"{"executionId":"\#(Fixture.id)","status":"cancelled"}"#)

    static func failure(_ kind: TransportFailure.Kind, sent: Bool) -> TransportFailure {
        TransportFailure(kind, requestMayHaveBeenSent: sent, detail: "\(kind)")
    }

    enum Outcome: String, CaseIterable, Sendable {
        case refused, reset, timeout, other, s429, s500, s502, s503, s504

        var first: Result<TransportResponse, TransportFailure> {
            switch self {
            case .refused: .failure(RetryTests.failure(.connectFailed, sent: false))
            case .reset: .failure(RetryTests.failure(.connectionLost, sent: true))
            case .timeout: .failure(RetryTests.failure(.timeout, sent: true))
            case .other: .failure(RetryTests.failure(.other, sent: false))
            case .s429: .success(Fixture.json(429, #"{"code":429,"message":"busy"}"#))
            case .s500: .success(Fixture.json(500, #"{"code":500,"message":"boom"}"#))
            case .s502: .success(Fixture.text(502, "bad gateway"))
            case .s503: .success(Fixture.text(503, "unavailable"))
            case .s504: .success(Fixture.text(504, "gateway timeout"))
            }
        }

        /// Certainly not taken effect: sent again at once.
        var mutationRetried: Bool { [.refused, .s429, .s503].contains(self) }
        /// Outcome unknown: the client reads the execution before deciding (see ReconcileTests).
        var mutationReconciled: Bool { [.reset, .timeout, .s500, .s502, .s504].contains(self) }
        var getRetried: Bool { self != .other }
    }

    @Test("GET after each failure", arguments: Outcome.allCases)
    func getRetries(outcome: Outcome) async throws {
        let transport = FakeTransport(sequence: [outcome.first, .success(Self.ok)])
        let result = await catchAsteroid { try await Fixture.client(transport).getExecution(id) }
        #expect(transport.requests.count == (outcome.getRetried ? 2 : 1))
        #expect((result == nil) == outcome.getRetried)
    }

    @Test("POST after each failure", arguments: Outcome.allCases)
    func mutationRetries(outcome: Outcome) async throws {
        // After the first answer: GETs find the execution still running, POSTs succeed.
        let running = Fixture.json(200, Fixture.execution(Fixture.id, status: "running"))
        let transport = FakeTransport { request, number throws(TransportFailure) in
            if number == 1 { return try outcome.first.get() }
            return request.method == "GET" ? running : Self.change
        }
        let result = await catchAsteroid { try await Fixture.client(transport).cancel(id) }
        let posts = transport.requests.filter { $0.method == "POST" }.count
        let gets = transport.requests.filter { $0.method == "GET" }.count
        #expect(posts == (outcome.mutationRetried || outcome.mutationReconciled ? 2 : 1))
        #expect(gets == (outcome.mutationReconciled ? 1 : 0))
        #expect((result == nil) == (outcome.mutationRetried || outcome.mutationReconciled))
    }

    @Test("execute is not repeated after an ambiguous failure, is after 503")
    func executeAmbiguous() async throws {
        for (first, expected) in [(Outcome.timeout, 1), (.reset, 1), (.s500, 1), (.s504, 1), (.s503, 2), (.refused, 2)]
        {
            let transport = FakeTransport(sequence: [
                first.first, .success(Fixture.json(202, #"{"executionId":"\#(Fixture.id)"}"#)),
            ])
            _ = await catchAsteroid { try await Fixture.client(transport).execute(agentId: id) }
            #expect(transport.requests.filter { $0.method == "POST" }.count == expected, "after \(first)")
        }
    }

    @Test("attempts are bounded; backoff waits grow within the jittered ceiling")
    func boundedAttempts() async throws {
        let transport = FakeTransport(sequence: [.success(Fixture.text(503, "down"))])
        let waits = WaitRecorder()
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(250))
        let client = Fixture.client(transport, configure: { $0.retry = policy }, waits: waits)
        let error = try #require(await catchAsteroid { try await client.getExecution(id) })
        #expect(transport.requests.count == 4)
        #expect(error.attempts == 4)
        #expect(error.description.contains("gave up after 4 attempts"))
        #expect(waits.waits.count == 3)
        let ceilings: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(250)]
        for (wait, ceiling) in zip(waits.waits, ceilings) { #expect(wait >= .zero && wait <= ceiling) }
    }

    @Test("the total time budget stops retrying when Retry-After would exceed it")
    func budget() async throws {
        let transport = FakeTransport(
            status: 503, json: #"{"code":503,"message":"later"}"#, headers: [("Retry-After", "120")])
        let waits = WaitRecorder()
        let client = Fixture.client(
            transport, configure: { $0.retry = RetryPolicy(totalBudget: .seconds(60)) }, waits: waits)
        let error = try #require(await catchAsteroid { try await client.getExecution(id) })
        #expect(transport.requests.count == 1)
        #expect(waits.waits.isEmpty)
        #expect(error.retryAfterSeconds == 120)
    }

    @Test("the request log shows each attempt and the wait")
    func logsRetries() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.text(503, "x", headers: [("Retry-After", "1")])), .success(Self.ok),
        ])
        let lines = LineRecorder()
        _ = try await Fixture.client(transport) { $0.requestLog = lines.append }.getExecution(id)
        #expect(lines.lines.count == 5)
        #expect(lines.lines[0] == "→ GET /executions/\(id)")
        #expect(lines.lines[1].hasPrefix("← 503 in ") && lines.lines[1].hasSuffix(" ms"))
        #expect(lines.lines[2] == "  retrying in 1000 ms")
        #expect(lines.lines[3] == "→ GET /executions/\(id) (attempt 2/10)")
        #expect(lines.lines[4].hasPrefix("← 200 in "))
    }
}
