import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Execute, execute/sync and temp-file staging")
struct ExecuteTests {
    let id = Fixture.id

    @Test("execute sends every seed body field and reads the 202 (seed and newest shapes)")
    func executeSeedBody() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.json(202, #"{"executionId":"\#(Fixture.otherId)"}"#)),
            .success(Fixture.json(202, #"{"executionId":"\#(Fixture.otherId)","status":"queued","extra":1}"#)),
        ])
        let client = Fixture.client(transport)
        let request = ExecuteRequest(
            agentProfileId: id, inputs: ["city": "Paris", "count": 3], dynamicData: ["legacy": true],
            tempFiles: [TempFile(id: Fixture.otherId, name: "a.pdf")], metadata: ["team": "ops"], version: 4,
            executionOptions: ExecutionOptions(sharedStorageKey: "shared", softTimeoutMins: 2))
        let seed = try await client.execute(agentId: id, request: request)
        #expect(seed.executionId == Fixture.otherId)
        #expect(seed.status == nil)
        let sent = try #require(transport.last)
        #expect(sent.method == "POST")
        #expect(sent.path == "/agents/v2/agents/\(id)/execute")
        #expect(sent.header("Content-Type") == "application/json")
        #expect(
            sent.bodyJSON == [
                "agentProfileId": .string(id), "inputs": ["city": "Paris", "count": 3], "dynamicData": ["legacy": true],
                "tempFiles": [["id": .string(Fixture.otherId), "name": "a.pdf"]], "metadata": ["team": "ops"],
                "version": 4, "executionOptions": ["sharedStorageKey": "shared", "softTimeoutMins": 2],
            ])
        let newest = try await client.executeWorkflow(
            workflowId: id,
            request: ExecuteRequest(profileGroupId: id, head: true, onCapacityLimit: .queue))
        #expect(newest.status == .queued)
        #expect(transport.last?.path == "/agents/v2/workflows/\(id)/execute")
        #expect(transport.last?.bodyJSON == ["profileGroupId": .string(id), "head": true, "onCapacityLimit": "queue"])
    }

    @Test("execute/sync on agents and workflows: body carries timeoutSeconds, 200 vs 202")
    func executeSync() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.json(200, #"{"executionId":"\#(Fixture.otherId)","status":"completed"}"#)),
            .success(Fixture.json(202, #"{"executionId":"\#(Fixture.otherId)","status":"awaiting_confirmation"}"#)),
        ])
        let client = Fixture.client(transport)
        let done = try await client.executeSync(agentId: id, request: ExecuteRequest(timeoutSeconds: 10))
        let waiting = try await client.executeWorkflowSync(workflowId: id)
        #expect(done.isFinished && done.status == .completed)
        #expect(!waiting.isFinished && waiting.status == .awaitingConfirmation)
        #expect(
            transport.requests.map(\.path) == [
                "/agents/v2/agents/\(id)/execute/sync", "/agents/v2/workflows/\(id)/execute/sync",
            ])
        #expect(transport.requests[0].bodyJSON == ["timeoutSeconds": 10])
        #expect(transport.requests[1].bodyJSON == [:])
    }

    @Test("staging: multipart with one `files` part per file, filename and content type from the extension")
    func staging() async throws {
        let transport = FakeTransport(
            json:
                #"{"tempFiles":[{"id":"\#(Fixture.id)","name":"report.pdf"},{"id":"\#(Fixture.otherId)","name":"data"}]}"#
        )
        let client = Fixture.client(transport)
        let staged = try await client.stageTempFiles(
            [(name: "report.pdf", data: Data("%PDF".utf8)), (name: "data", data: Data([0, 1, 2]))],
            organizationId: Fixture.otherId)
        #expect(staged.map(\.name) == ["report.pdf", "data"])
        let request = try #require(transport.last)
        #expect(request.path == "/agents/v2/temp-files")
        #expect(request.values("organizationId") == [Fixture.otherId])
        let contentType = try #require(request.header("Content-Type"))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let body = String(decoding: try #require(request.body), as: UTF8.self)
        let parts = body.components(separatedBy: "--\(boundary)").dropFirst().dropLast()
        #expect(parts.count == 2)
        #expect(
            body.contains(
                "Content-Disposition: form-data; name=\"files\"; filename=\"report.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n"
            ))
        #expect(body.contains("filename=\"data\"\r\nContent-Type: application/octet-stream\r\n"))
        #expect(body.hasSuffix("--\(boundary)--\r\n"))

        _ = try await client.stageTempFiles(
            [FileUpload(name: "x.csv", data: Data())], organizationId: id, route: .legacy)
        #expect(transport.last?.path == "/agents/v2/temp-files/\(id)")
        #expect(transport.last?.queryItems.isEmpty == true)
    }

    @Test("execute attaching files stages first, then sends the staged ids in tempFiles")
    func executeWithFiles() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            request.path.hasSuffix("/temp-files")
                ? Fixture.json(200, #"{"tempFiles":[{"id":"\#(Fixture.otherId)","name":"in.txt"}]}"#)
                : Fixture.json(202, #"{"executionId":"\#(Fixture.id)","status":"starting"}"#)
        }
        let response = try await Fixture.client(transport).execute(
            agentId: id, request: ExecuteRequest(inputs: ["a": 1]),
            attaching: [FileUpload(name: "in.txt", data: Data("hi".utf8))])
        #expect(response.status == .starting)
        #expect(transport.requests.map(\.path) == ["/agents/v2/temp-files", "/agents/v2/agents/\(id)/execute"])
        #expect(
            transport.requests[1].bodyJSON == [
                "inputs": ["a": 1], "tempFiles": [["id": .string(Fixture.otherId), "name": "in.txt"]],
            ])
    }

    @Test(
        "content types from file names",
        arguments: [
            ("a.PDF", "application/pdf"), ("notes.txt", "text/plain"), ("x.json", "application/json"),
            ("photo.jpeg", "image/jpeg"), ("archive.tar.gz", "application/gzip"),
            ("README", "application/octet-stream"),
            (".hidden", "application/octet-stream"), ("weird.zzz", "application/octet-stream"),
        ])
    func mimeTypes(name: String, expected: String) {
        #expect(MIMEType.forFileName(name) == expected)
    }
}
