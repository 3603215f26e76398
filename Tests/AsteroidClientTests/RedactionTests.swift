import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("The API key never appears in logs, errors or dumps; dry-run sends no mutation")
struct RedactionTests {
    let id = Fixture.id

    @Test("request log with headers redacts the key", arguments: ["X-Asteroid-Agents-Api-Key", "X-Api-Key"])
    func log(header: String) async throws {
        let transport = FakeTransport(json: Fixture.execution(id))
        let lines = LineRecorder()
        let client = Fixture.client(transport) {
            $0.apiKeyHeader = header
            $0.requestLog = lines.append
            $0.logHeaders = true
        }
        _ = try await client.getExecution(id)
        #expect(transport.last?.header(header) == Fixture.key)
        #expect(lines.lines.contains("  \(header): <redacted>"))
        #expect(lines.lines.contains("  User-Agent: ast/\(AsteroidClientVersion.current)"))
        #expect(!lines.lines.joined().contains(Fixture.key))
    }

    @Test("errors never carry the key, even when the server echoes it")
    func errors() async throws {
        let transport = FakeTransport(status: 401, json: #"{"code":401,"message":"Invalid API key \#(Fixture.key)."}"#)
        let error = try #require(await catchAsteroid { try await Fixture.client(transport).getExecution(id) })
        #expect(error.serverMessage == "Invalid API key <redacted>.")
        #expect(!error.description.contains(Fixture.key))
        #expect(!String(reflecting: error).contains(Fixture.key))
        var dumped = ""
        dump(error, to: &dumped)
        #expect(!dumped.contains(Fixture.key))
    }

    @Test("the configuration prints and dumps without the key")
    func configuration() throws {
        let configuration = try ClientConfiguration.fromEnvironment(["ASTEROID_API_KEY": Fixture.key])
        #expect(configuration.apiKey == Fixture.key)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped] {
            #expect(!text.contains(Fixture.key))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test("dry run: mutations are dumped (redacted) and not sent; GETs still go through")
    func dryRun() async throws {
        let transport = FakeTransport(json: Fixture.execution(id))
        let dumps = LineRecorder()
        let client = Fixture.client(transport) {
            $0.dryRun = true
            $0.onDryRun = { dumps.append($0.description) }
        }
        _ = try await client.getExecution(id)
        #expect(transport.requests.count == 1)
        let error = try #require(
            await catchAsteroid { try await client.rerun(id, request: RerunRequest(inputs: ["city": "Paris"])) })
        #expect(error.kind == .dryRun)
        #expect(transport.requests.count == 1)
        let dump = try #require(error.dryRunRequest)
        #expect(dump.method == "POST")
        #expect(dump.url == "https://api.test/agents/v2/executions/\(id)/rerun")
        #expect(dump.headers.contains("X-Asteroid-Agents-Api-Key: <redacted>"))
        #expect(dump.headers.contains("Content-Type: application/json"))
        #expect(dump.body?.contains("\"city\" : \"Paris\"") == true)
        #expect(dumps.lines == [dump.description])
        #expect(!dump.description.contains(Fixture.key))
        #expect(error.description == "dry run: POST /executions/\(id)/rerun not sent")

        for attempt in [
            { () async throws -> Void in _ = try await client.cancel(id) },
            { try await client.deleteExecution(id) },
            { _ = try await client.execute(agentId: id) },
            { _ = try await client.stageTempFiles([FileUpload(name: "a.txt", data: Data("x".utf8))]) },
        ] {
            #expect(await catchAsteroid(attempt)?.kind == .dryRun)
        }
        #expect(transport.requests.count == 1)
        #expect(dumps.lines.last?.contains("multipart/form-data, 1 file: a.txt (1 bytes, text/plain)") == true)
    }

    @Test("dry run of execute with files dumps the upload, then the execute body with placeholder ids")
    func dryRunExecuteWithFiles() async throws {
        let transport = FakeTransport(json: "{}")
        let dumps = LineRecorder()
        let lines = LineRecorder()
        let client = Fixture.client(transport) {
            $0.dryRun = true
            $0.onDryRun = { dumps.append($0.description) }
            $0.requestLog = lines.append
        }
        let error = await catchAsteroid {
            try await client.execute(
                agentId: id, request: ExecuteRequest(inputs: ["a": 1]),
                attaching: [FileUpload(name: "in.csv", data: Data("x,y".utf8))])
        }
        #expect(error?.kind == .dryRun)
        #expect(error?.operation == .agentExecutePost)
        #expect(transport.requests.isEmpty)
        #expect(dumps.lines.count == 2)
        #expect(dumps.lines.first?.hasPrefix("POST https://api.test/agents/v2/temp-files\n") == true)
        #expect(error?.dryRunRequest?.body?.contains("\"name\" : \"in.csv\"") == true)
        #expect(error?.dryRunRequest?.body?.contains(AsteroidClient.dryRunFileId) == true)
        #expect(
            lines.lines == ["· dry run: POST /temp-files not sent", "· dry run: POST /agents/\(id)/execute not sent"])
    }

    @Test("dry run still validates first")
    func dryRunValidates() async {
        let transport = FakeTransport(json: "{}")
        let client = Fixture.client(transport) { $0.dryRun = true }
        let error = await catchAsteroid { try await client.rerun("nope") }
        #expect(error?.kind == .validation)
    }
}

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("defaults, base URL with trailing slash, header override")
    func environment() throws {
        let defaults = try ClientConfiguration.fromEnvironment([:])
        #expect(defaults.baseURL.absoluteString == "https://odyssey.asteroid.ai/agents/v2")
        #expect(defaults.apiKey == nil)
        #expect(defaults.apiKeyHeader == "X-Asteroid-Agents-Api-Key")
        #expect(defaults.userAgent == "ast/0.1.0")
        let custom = try ClientConfiguration.fromEnvironment([
            "ASTEROID_BASE_URL": "http://127.0.0.1:8080/agents/v2/", "ASTEROID_API_KEY": "k",
            "ASTEROID_API_KEY_HEADER": "X-Api-Key",
        ])
        #expect(custom.baseURL.absoluteString == "http://127.0.0.1:8080/agents/v2")
        #expect(custom.apiKeyHeader == "X-Api-Key")
        #expect(try ClientConfiguration.fromEnvironment(["ASTEROID_API_KEY": ""]).apiKey == nil)
    }

    @Test("a bad base URL names the variable")
    func badURL() {
        #expect {
            try ClientConfiguration.fromEnvironment(["ASTEROID_BASE_URL": "odyssey.asteroid.ai"])
        } throws: { error in
            (error as? AsteroidError)?.field == "ASTEROID_BASE_URL"
        }
    }

    @Test("requests go to the base URL whatever its trailing slash")
    func trailingSlash() async throws {
        let transport = FakeTransport(json: #"{"items":[],"page":1,"pageSize":10,"total":0}"#)
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: URL(string: "http://localhost:9/agents/v2//")!),
            transport: transport)
        _ = try await client.listExecutionsPage()
        #expect(transport.last?.url.absoluteString == "http://localhost:9/agents/v2/executions")
        #expect(transport.last?.header("X-Asteroid-Agents-Api-Key") == nil)
    }
}

@Suite("Secrets in every printed form are redacted; a key with control characters is refused up front")
struct SecretFormsTests {
    /// `/`, `+` and `=` make the escaped, percent-encoded and base64 forms differ from the raw key.
    static let key = "sk-live/AbC+def=0123456789xyz"

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    /// Each way the key has been (or could be) printed, inside some surrounding text.
    static let forms: [(name: String, text: String)] = [
        ("raw", "key \(key) end"),
        ("quoted", "\"\(key)\""),
        ("Swift-escaped with a trailing CR", "invalidHeaderFieldValues([\"\(key)\\r\"])"),
        ("Swift-escaped control character", "[\"\\u{1B}\(key)\"]"),
        ("JSON with escaped slashes", "{\"k\":\"\(key.replacingOccurrences(of: "/", with: "\\/"))\"}"),
        ("JSON \\u000d", "{\"k\":\"\(key)\\u000d\"}"),
        ("percent-encoded", "?token=\(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"),
        ("percent-encoded, lower-case hex", "?token=sk-live%2fAbC%2bdef%3d0123456789xyz"),
        ("base64", "Basic \(base64(key))"),
        ("base64 of key and newline", base64(key + "\n")),
        ("base64 of key and CRLF", base64(key + "\r\n")),
        ("base64 after one byte", base64(":" + key)),
        ("base64 after two bytes", base64("u:" + key)),
        ("surrounded by whitespace and control characters", "\t \(key)\r\n"),
        ("cut short (first 12 characters)", "message: \(key.prefix(12))…"),
        ("a run from the middle", "…\(key.dropFirst(5).prefix(10))…"),
    ]

    @Test("scrub hides each form", arguments: forms.map(\.name))
    func scrub(name: String) throws {
        let text = try #require(Self.forms.first { $0.name == name }?.text)
        let scrubbed = Redactor(apiKey: Self.key).scrub(text)
        #expect(scrubbed.contains(Redactor.placeholder), "\(scrubbed)")
        #expect(!scrubbed.contains(String(Self.key.prefix(8))), "\(scrubbed)")
        #expect(!scrubbed.contains(String(Self.key.suffix(8))), "\(scrubbed)")
        #expect(!scrubbed.contains(String(Self.base64(Self.key).prefix(12))), "\(scrubbed)")
    }

    @Test("the reported leak: a key with a trailing CR, escaped in the transport's message")
    func escapedTrailingCR() {
        let key = Fixture.key + "\r"
        let message = "\(["\(key)"])"  // what HTTPClientError.invalidHeaderFieldValues prints
        #expect(message.contains(Fixture.key))
        let scrubbed = Redactor(apiKey: key).scrub("HTTPClientError.invalidHeaderFieldValues(\(message))")
        #expect(!scrubbed.contains(Fixture.key))
        #expect(scrubbed == "HTTPClientError.invalidHeaderFieldValues([\"<redacted>\"])")
    }

    @Test("output scrub hides every complete form and leaves other text as it is")
    func output() {
        let redactor = Redactor(secrets: [Self.key], minimumLength: 8)
        for (name, text) in Self.forms where !name.contains("cut short") && !name.contains("a run") {
            let shown = redactor.scrubOutput(text)
            #expect(shown.contains(Redactor.placeholder), "\(name): \(shown)")
            #expect(!shown.contains(String(Self.key.prefix(8))), "\(name): \(shown)")
        }
        let plain = "id,status\n3c90,completed\n"
        #expect(redactor.scrubOutput(plain) == plain)
        #expect(Redactor(secrets: ["sandbox"], minimumLength: 8).scrubOutput("the sandbox") == "the sandbox")
        #expect(!Redactor(secrets: [], minimumLength: 8).isActive)
    }

    @Test(
        "a key with whitespace or a control character is refused without echoing it",
        arguments: [
            "\r", "\n", "\r\n", " ", "\t", "\u{1B}", "\u{7F}", "\u{200B}",
        ])
    func badKeyFromEnvironment(suffix: String) {
        let key = Fixture.key + suffix
        do {
            _ = try ClientConfiguration.fromEnvironment(["ASTEROID_API_KEY": key])
            Issue.record("accepted a key ending in \(suffix.debugDescription)")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.field == "ASTEROID_API_KEY")
            #expect(error.description.contains("ASTEROID_API_KEY contains"))
            #expect(!error.description.contains(String(Fixture.key.prefix(8))))
        }
        #expect(ClientConfiguration.keyProblem(" " + Fixture.key)?.contains("at the start") == true)
        #expect(ClientConfiguration.keyProblem("sk\r-x")?.contains("at character 3 of 5") == true)
        #expect(ClientConfiguration.keyProblem(Fixture.key) == nil)
    }

    @Test("a client given such a key sends nothing, dry run included", arguments: [false, true])
    func badKeyNotSent(dryRun: Bool) async throws {
        let transport = FakeTransport(json: Fixture.execution(Fixture.id))
        let lines = LineRecorder()
        let client = Fixture.client(transport) {
            $0.apiKey = Fixture.key + "\r"
            $0.dryRun = dryRun
            $0.requestLog = lines.append
        }
        for attempt in [
            { () async throws -> Void in _ = try await client.getExecution(Fixture.id) },
            { _ = try await client.rerun(Fixture.id, request: RerunRequest(inputs: ["a": 1])) },
        ] {
            let error = try #require(await catchAsteroid(attempt))
            #expect(error.kind == .configuration)
            #expect(error.description.contains("carriage return"))
            #expect(!error.description.contains(Fixture.key))
        }
        #expect(transport.requests.isEmpty)
        #expect(lines.lines.isEmpty)
    }

    @Test("the real transport refusing a header value says the request was not sent, and not the value")
    func invalidHeaderNotSent() async throws {
        let server = try LoopbackServer { _ in .respond("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}") }
        defer { server.stop() }
        let transport = AsyncHTTPClientTransport()
        let configuration = ClientConfiguration(
            baseURL: server.baseURL, apiKey: Fixture.key, retry: RetryPolicy(maxAttempts: 1),
            middlewares: [HeaderInjector(name: "X-Copy", value: Fixture.key + "\r")])
        let client = AsteroidClient(configuration: configuration, transport: transport)
        let error = try #require(await catchAsteroid { try await client.getExecution(Fixture.id) })
        try await transport.shutdown()
        #expect(error.requestMayHaveBeenSent == false)
        #expect(error.description.contains("the request was not sent"))
        #expect(!error.description.contains(Fixture.key))
        #expect(server.requests.isEmpty)
    }

    struct HeaderInjector: ClientMiddleware {
        var name: String
        var value: String
        func intercept(
            _ request: TransportRequest, context: ClientRequestContext,
            next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
        ) async throws(TransportFailure) -> TransportResponse {
            var request = request
            request.headers.append((name, value))
            return try await next(request)
        }
    }
}
