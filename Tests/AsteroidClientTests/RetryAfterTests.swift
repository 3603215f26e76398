import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

/// Whatever a server or proxy puts in `Retry-After`, the client neither crashes nor waits absurdly.
@Suite("Retry-After: hostile values")
struct RetryAfterTests {
    static let huge = ["1e16", "1e19", "1e300", "inf", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"]
    static let meaningless = ["nan", "-5", "-inf", "-1e300"]

    @Test("a wait longer than the budget: no crash, no retry, an error that says why", arguments: huge, [429, 503])
    func tooLong(value: String, status: Int) async throws {
        let transport = FakeTransport(
            status: status, json: #"{"code":\#(status),"message":"later"}"#, headers: [("Retry-After", value)])
        let waits = WaitRecorder()
        let client = Fixture.client(transport, waits: waits)
        let error = try #require(await catchAsteroid { try await client.getExecution(Fixture.id) })
        #expect(transport.requests.count == 1)
        #expect(waits.waits.isEmpty)
        #expect(error.status == status)
        #expect(error.description.contains("longer than the 60 s left of the retry budget"))
        #expect((error.retryAfterSeconds ?? 0) <= RetryAfter.maximum)
    }

    @Test("a meaningless wait is ignored: the client's own backoff applies", arguments: meaningless)
    func ignored(value: String) async throws {
        let transport = FakeTransport(
            status: 429, json: #"{"code":429,"message":"later"}"#, headers: [("Retry-After", value)])
        let waits = WaitRecorder()
        let client = Fixture.client(
            transport, configure: { $0.retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10)) },
            waits: waits)
        let error = try #require(await catchAsteroid { try await client.getExecution(Fixture.id) })
        #expect(transport.requests.count == 3)
        #expect(error.retryAfterSeconds == nil)
        #expect(waits.waits.allSatisfy { $0 >= .zero && $0 <= .milliseconds(20) })
    }

    @Test("parsing clamps and rejects")
    func parsing() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds("1e16", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.seconds("inf", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.seconds("nan", now: now) == nil)
        #expect(RetryAfter.seconds("-3", now: now) == nil)
        #expect(RetryAfter.seconds("Fri, 31 Dec 9999 23:59:59 GMT", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.seconds("2.5", now: now) == 2.5)
    }

    @Test(
        "an error carrying any Retry-After value describes itself", arguments: [1e16, 1e300, .infinity, .nan, -1e300])
    func description(seconds: Double) {
        let error = AsteroidError(kind: .http, status: 429, detail: "x", retryAfterSeconds: seconds)
        #expect(error.description.contains("Retry after "))
    }
}
