import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

/// The real AsyncHTTPClient transport against a real TCP server on 127.0.0.1.
@Suite("Loopback: the AsyncHTTPClient transport over real TCP", .serialized)
struct LoopbackTests {
    let id = Fixture.id

    func client(_ baseURL: URL, timeout: Duration = .seconds(10), retry: RetryPolicy = .none) -> AsteroidClient {
        AsteroidClient(
            configuration: ClientConfiguration(baseURL: baseURL, apiKey: Fixture.key, timeout: timeout, retry: retry),
            transport: AsyncHTTPClientTransport(connectTimeout: .seconds(5)))
    }

    @Test("a request and its JSON answer cross the wire intact")
    func roundTrip() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.response(200, Fixture.execution(Fixture.id)) }
        defer { server.stop() }
        let client = client(server.baseURL)
        let execution = try await client.getExecution(id)
        try await client.shutdown()
        #expect(execution.id == id)
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("GET /agents/v2/executions/\(id) HTTP/1.1\r\n"))
        #expect(request.contains("X-Asteroid-Agents-Api-Key: \(Fixture.key)\r\n"))
        #expect(request.contains("User-Agent: ast/\(AsteroidClientVersion.current)\r\n"))
        #expect(request.contains("Accept: application/json, text/plain\r\n"))
    }

    @Test("POST bodies, text/plain errors, and a 307 that is not followed")
    func bodiesAndRedirects() async throws {
        let server = try LoopbackServer { request in
            if request.hasPrefix("GET") {
                return .respond(
                    "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:1/signed.mp4\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
            }
            return LoopbackServer.response(404, "Execution not found.", headers: ["Content-Type: text/plain"])
        }
        defer { server.stop() }
        let client = client(server.baseURL)
        let url = try await client.recordingURL(id)
        let error = await catchAsteroid { try await client.addUserMessage(id, message: "héllo") }
        try await client.shutdown()
        #expect(url.absoluteString == "http://127.0.0.1:1/signed.mp4")
        #expect(server.requests.count == 2)
        #expect(server.requests[1].hasSuffix("\r\n\r\n{\"message\":\"héllo\"}"))
        #expect(error?.description == "404 Not Found from POST /executions/\(id)/user-messages: Execution not found.")
    }

    @Test("connection refused: not sent, so even a mutation is retried, then reported")
    func refused() async throws {
        let port = try LoopbackServer.closedPort()
        let client = client(
            URL(string: "http://127.0.0.1:\(port)/agents/v2")!,
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1)))
        let error = try #require(await catchAsteroid { try await client.cancel(id) })
        try await client.shutdown()
        #expect(error.kind == .transport)
        #expect(error.requestMayHaveBeenSent == false)
        #expect(error.attempts == 2)
        #expect(error.description.contains("the request was not sent"))
    }

    @Test("a server that closes the connection: a mutation is not repeated (its outcome stays unknown), a GET is")
    func closedConnection() async throws {
        let server = try LoopbackServer { _ in .close }
        defer { server.stop() }
        let client = client(server.baseURL, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
        let mutation = try #require(await catchAsteroid { try await client.rerun(id) })
        #expect(mutation.kind == .outcomeUnknown)
        #expect(mutation.requestMayHaveBeenSent == true)
        // The POST once, then the GET of the parent that should have settled it, 3 times.
        #expect(server.requests.count == 4)
        #expect(server.requests.filter { $0.hasPrefix("POST") }.count == 1)
        let read = try #require(await catchAsteroid { try await client.getExecution(id) })
        try await client.shutdown()
        #expect(read.attempts == 3)
        #expect(server.requests.count == 7)
    }

    @Test("a silent server: the per-request timeout fires, the POST is not repeated, its outcome is unknown")
    func timeout() async throws {
        let server = try LoopbackServer { _ in .silent }
        defer { server.stop() }
        let client = client(server.baseURL, timeout: .milliseconds(300), retry: RetryPolicy(maxAttempts: 3))
        let error = try #require(await catchAsteroid { try await client.pause(id) })
        try await client.shutdown()
        // The pause's answer is lost; the GET that should settle it times out too: the outcome stays unknown.
        #expect(error.kind == .outcomeUnknown)
        #expect(error.description.hasPrefix("POST /executions/\(id)/pause: outcome unknown: no answer in time; "))
        #expect(error.description.contains("GET /executions/\(id) failed: no response in time (timeout 0.3 seconds)"))
        #expect(server.requests.filter { $0.hasPrefix("POST") }.count == 1)
        #expect(server.requests.count == 4)
    }

    @Test("cancelling the task cancels the request in flight")
    func cancellation() async throws {
        let server = try LoopbackServer { _ in .silent }
        defer { server.stop() }
        let client = client(server.baseURL, timeout: .seconds(60))
        let task = Task { await catchAsteroid { try await client.getExecution(id) } }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let error = await task.value
        try await client.shutdown()
        #expect(error?.kind == .cancelled)
        #expect(server.requests.count == 1)
    }

    @Test("clients on the shared transport need no shutdown; a dropped private transport shuts itself down")
    func lifetimes() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.response(200, Fixture.execution(Fixture.id)) }
        defer { server.stop() }
        let configuration = ClientConfiguration(baseURL: server.baseURL, apiKey: Fixture.key)
        for _ in 0..<2 { _ = try await AsteroidClient(configuration: configuration).getExecution(id) }
        try await AsteroidClient(configuration: configuration).shutdown()  // a no-op on the shared transport
        _ = try await AsteroidClient(configuration: configuration).getExecution(id)
        do {
            let dropped = AsteroidClient(configuration: configuration, transport: AsyncHTTPClientTransport())
            _ = try await dropped.getExecution(id)
        }
        #expect(server.requests.count == 4)
    }
}
