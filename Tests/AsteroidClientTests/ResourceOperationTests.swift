import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("files, identity, execute route, base URL")
struct ResourceOperationTests {
    static let fileId = "11111111-2222-4333-8444-555555555555"

    static func file(size: Int) -> AgentFile {
        let time = Date(timeIntervalSince1970: 0)
        return AgentFile(
            id: fileId, agentId: Fixture.otherId, workflowId: Fixture.otherId, filePath: "downloads/report.csv",
            fileName: "../report.csv", fileSize: size, mimeType: "text/csv", createdAt: time, updatedAt: time,
            executionId: Fixture.id, directory: "downloads", createdBy: "agent", downloadUrl: "")
    }

    /// A transport that redirects the download to a storage host and answers it with `body` and `hash`.
    static func storage(_ body: Data, hash: String?) -> FakeTransport {
        FakeTransport { request, _ throws(TransportFailure) in
            if request.url.host == "api.test" {
                return TransportResponse(status: 303, headers: [("Location", "https://storage.test/obj?sig=abc")])
            }
            var headers: [(name: String, value: String)] = [("Content-Length", String(body.count))]
            if let hash { headers.append(("x-goog-hash", "crc32c=\(hash),md5=xyz")) }
            return TransportResponse(status: 200, headers: headers, body: body)
        }
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ast-download-\(UUID().uuidString)")
    }

    @Test("download follows the 303 without the API key, checks the CRC-32C, and writes by rename")
    func downloadWrites() async throws {
        let body = Data("a,b\n1,2\n".utf8)
        let transport = Self.storage(body, hash: CRC32C.base64(body))
        let directory = Self.temporaryDirectory()
        let written = try await Fixture.client(transport).download(Self.file(size: body.count), into: directory)
        #expect(written.checksumVerified && written.bytes == body.count)
        #expect(written.path == directory.appendingPathComponent("report.csv").path)  // "../" dropped
        #expect(try Data(contentsOf: URL(fileURLWithPath: written.path)) == body)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.csv"])
        let signed = try #require(transport.requests.last)
        #expect(signed.url.host == "storage.test")
        #expect(signed.headers.allSatisfy { !$0.value.contains(Fixture.key) }, "the key must not reach the signed URL")
        #expect(
            transport.requests.first?.url.path == "/agents/v2/executions/\(Fixture.id)/files/\(Self.fileId)/download")
    }

    @Test("a CRC-32C or size mismatch writes nothing")
    func downloadMismatch() async throws {
        let body = Data("a,b\n1,2\n".utf8)
        for (transport, size) in [
            (Self.storage(body, hash: CRC32C.base64(Data("other".utf8))), body.count),
            (Self.storage(body, hash: nil), body.count + 1),
        ] {
            let directory = Self.temporaryDirectory()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let error = try #require(
                await catchAsteroid {
                    try await Fixture.client(transport).download(Self.file(size: size), into: directory)
                })
            #expect(error.detail.contains("nothing was written"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test("CRC-32C matches the published check value")
    func crc() {
        #expect(CRC32C.checksum(Data("123456789".utf8)) == 0xE306_9283)
    }

    @Test("whoami sits outside /agents/v2; a base URL given without a path gets the prefix")
    func whoamiAndBaseURL() async throws {
        let transport = FakeTransport(
            json: #"{"kind":"api_key","id":"k1","organizationId":"o1","credential":"org_api_key"}"#)
        let me = try await Fixture.client(transport).whoami()
        #expect(me.organizationId == "o1")
        #expect(transport.last?.url.absoluteString == "https://api.test/users/v2/whoami")
        let bare = ClientConfiguration(baseURL: URL(string: "https://odyssey.asteroid.ai/")!)
        #expect(bare.baseURL.absoluteString == "https://odyssey.asteroid.ai/agents/v2")
        let parsed = try ClientConfiguration.parseBaseURL("http://127.0.0.1:8787")
        #expect(parsed.absoluteString == "http://127.0.0.1:8787/agents/v2")
        let proxied = try ClientConfiguration.parseBaseURL("https://proxy.test/asteroid/agents/v2/")
        #expect(proxied.absoluteString == "https://proxy.test/asteroid/agents/v2")
    }

    @Test("execute: /workflows first; after its 404 the agents route, decided once for the session")
    func executeRouteFallback() async throws {
        let started = #"{"executionId":"\#(Fixture.id)"}"#
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            request.url.path.contains("/workflows/")
                ? Fixture.text(404, "Not Found") : Fixture.json(202, started)
        }
        let base = "https://old-\(UUID().uuidString.prefix(8)).test/agents/v2"
        let client = Fixture.client(transport) { $0.baseURL = URL(string: base)! }
        #expect(client.executeRoute == nil)
        let first = try await client.executeWorkflowOrAgent(Fixture.otherId)
        #expect(first.executionId == Fixture.id)
        #expect(
            transport.requests.map(\.url.path) == [
                "/agents/v2/workflows/\(Fixture.otherId)/execute", "/agents/v2/agents/\(Fixture.otherId)/execute",
            ])
        #expect(client.executeRoute == .agents)
        _ = try await client.executeWorkflowOrAgent(Fixture.otherId)
        #expect(
            transport.requests.count == 3 && transport.requests.last?.url.path.contains("/agents/v2/agents/") == true)
    }

    @Test("execute: unknown on both routes reports the workflows error and decides nothing")
    func executeUnknownWorkflow() async throws {
        let transport = FakeTransport(status: 404, json: #"{"code":404,"message":"Workflow not found."}"#)
        let base = "https://new-\(UUID().uuidString.prefix(8)).test/agents/v2"
        let client = Fixture.client(transport) { $0.baseURL = URL(string: base)! }
        let error = try #require(await catchAsteroid { try await client.executeWorkflowOrAgent(Fixture.otherId) })
        #expect(error.status == 404 && error.operation == .workflowExecutePost)
        #expect(client.executeRoute == nil)
    }

    @Test("API array parameters given as comma lists become repeated keys; metadata passes as written")
    func commaLists() {
        let items = ListExecutionsQuery.splittingCommaLists([
            ("triggerSource", "api,ui"), ("metadata", "k=a,b"), ("profileIds", "x"),
        ])
        #expect(
            items.map { "\($0.name)=\($0.value)" } == [
                "triggerSource=api", "triggerSource=ui", "metadata=k=a,b", "profileIds=x",
            ])
    }
}
