import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Errors: JSON and text bodies, transport failures, decoding")
struct ErrorTests {
    let id = Fixture.id

    @Test("JSON error bodies name status, request and server message", arguments: [400, 401, 403, 404, 500])
    func jsonErrors(status: Int) async throws {
        let transport = FakeTransport(status: status, json: #"{"code":\#(status).0,"message":"Execution not found."}"#)
        let error = try #require(
            await catchAsteroid { try await Fixture.client(transport) { $0.retry = .none }.getExecution(id) })
        #expect(error.kind == .http)
        #expect(error.status == status)
        #expect(error.serverCode == status)
        #expect(error.serverMessage == "Execution not found.")
        #expect(error.operation == .executionGet)
        #expect(error.method == "GET")
        #expect(error.path == "/executions/\(id)")
        let hint = status == 401 ? " Check the API key (sent in header X-Asteroid-Agents-Api-Key)." : ""
        #expect(
            error.description
                == "\(status) \(HTTPStatusText.reason(status)) from GET /executions/\(id): Execution not found.\(hint)")
    }

    @Test("text/plain error bodies (agents list, temp files) become the message", arguments: [400, 401, 403, 404, 500])
    func textErrors(status: Int) async throws {
        let transport = FakeTransport { _, _ throws(TransportFailure) in
            Fixture.text(status, "Organization not found.\n")
        }
        let client = Fixture.client(transport) { $0.retry = .none }
        let error = try #require(await catchAsteroid { try await client.listAgentsPage() })
        #expect(error.status == status)
        #expect(error.serverCode == nil)
        #expect(error.serverMessage == "Organization not found.")
        #expect(error.description.contains("from GET /agents: Organization not found."))
        let staging = try #require(
            await catchAsteroid { try await client.stageTempFiles([FileUpload(name: "a", data: Data())]) })
        #expect(staging.serverMessage == "Organization not found.")
        #expect(staging.operation == .tempFilesUpload)
    }

    @Test("problem-details 400 carries the parameter errors")
    func parameterErrors() async throws {
        let transport = FakeTransport(
            status: 400,
            json:
                #"{"code":400,"message":"Invalid request parameters.","type":"about:blank","errors":[{"parameter":"pageSize","detail":"must be <= 100"}],"unknown":true}"#
        )
        let error = try #require(await catchAsteroid { try await Fixture.client(transport).listExecutionsPage() })
        #expect(error.parameterErrors == [ErrorBody.ParameterError(parameter: "pageSize", detail: "must be <= 100")])
        #expect(
            error.description
                == "400 Bad Request from GET /executions: Invalid request parameters. (pageSize: must be <= 100)")
    }

    @Test("429 with Retry-After: retried after the server's wait, then reported with it")
    func tooManyRequests() async throws {
        let transport = FakeTransport(
            status: 429, json: #"{"code":429,"message":"Slow down."}"#, headers: [("Retry-After", "2")])
        let waits = WaitRecorder()
        let client = Fixture.client(transport, configure: { $0.retry = RetryPolicy(maxAttempts: 3) }, waits: waits)
        let error = try #require(await catchAsteroid { try await client.getExecution(id) })
        #expect(transport.requests.count == 3)
        #expect(waits.waits == [.seconds(2), .seconds(2)])
        #expect(error.status == 429)
        #expect(error.retryAfterSeconds == 2)
        #expect(error.attempts == 3)
        #expect(error.description.contains("Retry after 2 s."))
    }

    @Test("Retry-After as an HTTP date")
    func retryAfterDate() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:30 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("7", now: now) == 7)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }

    @Test("a dropped connection and a timeout say whether the request may have been sent")
    func transportFailures() async throws {
        let dropped = FakeTransport { _, _ throws(TransportFailure) in
            throw TransportFailure(
                .connectionLost, requestMayHaveBeenSent: true, detail: "the server closed the connection")
        }
        let error = try #require(
            await catchAsteroid { try await Fixture.client(dropped) { $0.retry = .none }.getExecution(id) })
        #expect(error.kind == .transport)
        #expect(error.requestMayHaveBeenSent == true)
        #expect(
            error.description
                == "GET /executions/\(id) failed: the server closed the connection; the request may have reached the server"
        )

        let refused = FakeTransport { _, _ throws(TransportFailure) in
            throw TransportFailure(.connectFailed, requestMayHaveBeenSent: false, detail: "connection refused")
        }
        let notSent = try #require(
            await catchAsteroid { try await Fixture.client(refused) { $0.retry = .none }.getExecution(id) })
        #expect(notSent.description.hasSuffix("connection refused; the request was not sent"))

        let slow = FakeTransport { _, _ throws(TransportFailure) in
            throw TransportFailure(.timeout, requestMayHaveBeenSent: true, detail: "timed out waiting for a response")
        }
        let timeout = try #require(
            await catchAsteroid { try await Fixture.client(slow) { $0.retry = .none }.getExecution(id) })
        #expect(timeout.kind == .timeout)
    }

    @Test("decoding failures name the operation and the field")
    func decoding() async throws {
        let missing = FakeTransport(json: #"{"id":"\#(Fixture.id)","agentId":"x","createdAt":"not a date"}"#)
        let error = try #require(await catchAsteroid { try await Fixture.client(missing).getExecution(id) })
        #expect(error.kind == .decoding)
        #expect(error.operation == .executionGet)
        #expect(error.description.contains("execution_get"))
        #expect(error.description.contains("createdAt"))

        let html = FakeTransport { _, _ throws(TransportFailure) in Fixture.text(200, "<html>gateway</html>") }
        let notJSON = try #require(await catchAsteroid { try await Fixture.client(html).listExecutionsPage() })
        #expect(notJSON.detail.contains("not JSON"))

        let noLocation = FakeTransport { _, _ throws(TransportFailure) in TransportResponse(status: 307) }
        let redirect = try #require(await catchAsteroid { try await Fixture.client(noLocation).recordingURL(id) })
        #expect(redirect.kind == .decoding)
        #expect(redirect.detail.contains("Location"))
    }

    @Test("401 tells the person what to check; localizedDescription is the description")
    func unauthorized() async throws {
        let transport = FakeTransport(status: 401, json: #"{"code":401,"message":"Unauthorized."}"#)
        let keyless = AsteroidClient(
            configuration: ClientConfiguration(baseURL: URL(string: "https://api.test")!), transport: transport)
        let noKey = try #require(await catchAsteroid { try await keyless.listExecutionsPage() })
        #expect(
            noKey.description
                == "401 Unauthorized from GET /executions: Unauthorized. No API key was sent: set ASTEROID_API_KEY.")
        #expect(noKey.localizedDescription == noKey.description)
        let wrong = try #require(
            await catchAsteroid {
                try await Fixture.client(transport) { $0.apiKeyHeader = "X-Api-Key" }.listExecutionsPage()
            })
        #expect(wrong.description.hasSuffix("Check the API key (sent in header X-Api-Key)."))
    }

    @Test("execute with files refuses queue + files before uploading anything")
    func queueWithFiles() async {
        let transport = FakeTransport(json: "{}")
        let error = await catchAsteroid {
            try await Fixture.client(transport).execute(
                agentId: id, request: ExecuteRequest(onCapacityLimit: .queue),
                attaching: [FileUpload(name: "a.txt", data: Data())])
        }
        #expect(error?.field == "onCapacityLimit")
        #expect(transport.requests.isEmpty)
    }
}
