import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AsteroidClient

/// Reads (GETs) are retried on every transient failure, enough times to get through a faulty server.
@Suite("Read retries: 500s, resets and dropped responses", .serialized)
struct ReadRetryTests {
    let id = Fixture.id

    @Test("a GET gets through a run of 500, reset, timeout, 502, 503 and 504 answers")
    func throughFailures() async throws {
        let lost = TransportFailure(.connectionLost, requestMayHaveBeenSent: true, detail: "reset")
        let timeout = TransportFailure(.timeout, requestMayHaveBeenSent: true, detail: "timeout")
        let transport = FakeTransport(sequence: [
            .success(Fixture.json(500, #"{"code":500,"message":"boom"}"#)), .failure(lost), .failure(timeout),
            .success(Fixture.text(502, "bad gateway")), .success(Fixture.text(503, "busy")),
            .success(Fixture.text(504, "slow")), .success(Fixture.json(500, "{}")), .failure(lost),
            .success(RetryTests.ok),
        ])
        let execution = try await Fixture.client(transport).getExecution(id)
        #expect(execution.id == id)
        #expect(transport.requests.count == 9)
    }

    @Test("a response cut off mid-body (stream ended at an unexpected time) is retried")
    func truncatedResponse() async throws {
        let count = Locked(0)
        let body = Fixture.execution(Fixture.id)
        let server = try LoopbackServer { _ in
            let number = count.withLock { n in
                n += 1
                return n
            }
            guard number > 1 else {
                // Promises 4,000 bytes, sends 10, closes.
                return .respond(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"id\":\"3c9")
            }
            return LoopbackServer.response(200, body)
        }
        defer { server.stop() }
        let client = AsteroidClient(
            configuration: ClientConfiguration(
                baseURL: server.baseURL, apiKey: "k", retry: RetryPolicy(baseDelay: .milliseconds(1))))
        let execution = try await client.getExecution(id)
        #expect(execution.id == id)
        #expect(server.requests.count == 2)
    }

    @Test("get under a sandbox that resets 30% of connections always succeeds", arguments: ["reset:0.3", "500:0.3"])
    func faultySandbox(faults: String) async throws {
        let key = "read-retry-key"
        let sandbox = try await SandboxServer.start(
            .inMemory(executions: 30, faults: try FaultSpec(parsing: faults), apiKey: key))
        let client = AsteroidClient(
            configuration: ClientConfiguration(
                baseURL: sandbox.baseURL, apiKey: key,
                retry: RetryPolicy(baseDelay: .milliseconds(2), maxDelay: .milliseconds(20))))
        var ids: [String] = []
        var page = ListExecutionsQuery()
        page.pageSize = 30
        ids = try await client.listExecutionsPage(page).items.map(\.id)
        var failures: [String] = []
        for id in ids {
            do {
                _ = try await client.getExecution(id)
            } catch {
                failures.append(error.description)
            }
        }
        await sandbox.stop()
        #expect(ids.count == 30)
        #expect(failures.isEmpty)
    }
}

@Suite("Read retries: a server that cannot be reached")
struct ConnectRetryTests {
    @Test("a refused connection is tried maxConnectAttempts times, not the whole budget")
    func refused() async throws {
        let transport = FakeTransport { _, _ throws(TransportFailure) in
            throw TransportFailure(.connectFailed, requestMayHaveBeenSent: false, detail: "connection refused")
        }
        let waits = WaitRecorder()
        let error = try #require(
            await catchAsteroid { try await Fixture.client(transport, waits: waits).getExecution(Fixture.id) })
        #expect(transport.requests.count == 4)
        #expect(error.attempts == 4)
        #expect(waits.waits.count == 3)
    }
}
