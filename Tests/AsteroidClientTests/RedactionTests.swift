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
