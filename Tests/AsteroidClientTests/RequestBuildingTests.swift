import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Request building: method, path, query, headers, body per operation")
struct RequestBuildingTests {
    let id = Fixture.id

    @Test("common headers: Accept, User-Agent, auth header (default and configured name)")
    func headers() async throws {
        let transport = FakeTransport(json: Fixture.execution(id))
        _ = try await Fixture.client(transport).getExecution(id)
        let request = try #require(transport.last)
        #expect(request.method == "GET")
        #expect(request.url.absoluteString == "https://api.test/agents/v2/executions/\(id)")
        #expect(request.header("Accept") == "application/json, text/plain")
        #expect(request.header("User-Agent") == "ast/\(AsteroidClientVersion.current)")
        #expect(request.header("X-Asteroid-Agents-Api-Key") == Fixture.key)
        #expect(request.header("Content-Type") == nil)
        #expect(request.body == nil)

        let newest = FakeTransport(json: Fixture.execution(id))
        _ = try await Fixture.client(newest) { $0.apiKeyHeader = "X-Api-Key" }.getExecution(id)
        #expect(newest.last?.header("X-Api-Key") == Fixture.key)
        #expect(newest.last?.header("X-Asteroid-Agents-Api-Key") == nil)
    }

    @Test("list executions sends every query parameter, arrays as repeated keys")
    func listQuery() async throws {
        let transport = FakeTransport(json: #"{"items":[],"page":2,"pageSize":25,"total":0}"#)
        var query = ListExecutionsQuery()
        query.organizationId = id
        query.pageSize = 25
        query.page = 2
        query.executionId = "3c90"
        query.agentId = id
        query.workflowId = id
        query.agentProfileIds = [id, Fixture.otherId]
        query.profileIds = [id]
        query.status = [.failed, .paused]
        query.phase = [.terminal]
        query.createdAfter = Date(timeIntervalSince1970: 1_700_000_000)
        query.createdBefore = Date(timeIntervalSince1970: 1_700_000_100)
        query.humanLabels = [id, Fixture.otherId]
        query.outcomeLabel = "fail ure"
        query.metadataKey = "team"
        query.metadataValue = "ops"
        query.metadata = ["env=prod", "tier=1+2"]
        query.inputsKey = "city"
        query.inputsValue = "Paris"
        query.workflowVersion = 3
        query.hasScriptFailures = true
        query.triggerSource = ["api", "warmup"]
        query.batchId = "b-1"
        query.sortField = .startedAt
        query.sortDirection = .asc
        let page = try await Fixture.client(transport).listExecutionsPage(query)
        #expect(page.page == 2)
        let request = try #require(transport.last)
        #expect(request.method == "GET")
        #expect(request.path == "/agents/v2/executions")
        #expect(
            Set(request.queryNames) == Set(ListExecutionsQuery.parameterNames).subtracting(["sort", "createdWithin"]))
        #expect(request.values("status") == ["failed", "paused"])
        #expect(request.values("agentProfileIds") == [id, Fixture.otherId])
        #expect(request.values("humanLabels") == [id, Fixture.otherId])
        #expect(request.values("metadata") == ["env=prod", "tier=1+2"])
        #expect(request.values("triggerSource") == ["api", "warmup"])
        #expect(request.values("createdAfter") == ["2023-11-14T22:13:20Z"])
        #expect(request.values("hasScriptFailures") == ["true"])
        #expect(request.values("outcomeLabel") == ["fail ure"])
        #expect(request.values("sortField") == ["started_at"])
        // `+` and `=` inside values are percent-encoded so a server cannot read them as space or separator.
        #expect(request.url.absoluteString.contains("metadata=tier%3D1%2B2"))
        #expect(request.url.absoluteString.contains("status=failed&status=paused"))
    }

    @Test("sort shorthand and createdWithin (the two parameters exclusive with others) are sent as is")
    func sortShorthand() async throws {
        let transport = FakeTransport(json: #"{"items":[],"page":1,"pageSize":10,"total":0}"#)
        var query = ListExecutionsQuery()
        query.sort = "created_at:desc"
        query.createdWithin = "1d12h"
        _ = try await Fixture.client(transport).listExecutionsPage(query)
        #expect(
            transport.last?.queryItems.map { "\($0.name)=\($0.value)" } == [
                "createdWithin=1d12h", "sort=created_at:desc",
            ])
        #expect(transport.last?.url.query == "createdWithin=1d12h&sort=created_at:desc")
    }

    @Test("delete, activities, pause, resume, cancel: method and path, no body on the three POSTs")
    func simpleOperations() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            switch (request.method, request.path) {
            case ("DELETE", _): TransportResponse(status: 204)
            case (_, let path) where path.hasSuffix("/activities"): Fixture.json(200, "[]")
            default: Fixture.json(200, #"{"executionId":"\#(Fixture.id)","status":"paused"}"#)
            }
        }
        let client = Fixture.client(transport)
        try await client.deleteExecution(id)
        _ = try await client.activities(id, query: ActivitiesQuery(order: .asc, limit: 5))
        let paused = try await client.pause(id)
        _ = try await client.resume(id)
        _ = try await client.cancel(id)
        #expect(paused.status == .paused)
        let sent = transport.requests.map { "\($0.method) \($0.path)" }
        #expect(
            sent == [
                "DELETE /agents/v2/executions/\(id)", "GET /agents/v2/executions/\(id)/activities",
                "POST /agents/v2/executions/\(id)/pause", "POST /agents/v2/executions/\(id)/resume",
                "POST /agents/v2/executions/\(id)/cancel",
            ])
        #expect(transport.requests[1].queryItems.map { "\($0.name)=\($0.value)" } == ["order=asc", "limit=5"])
        #expect(transport.requests[2...].allSatisfy { $0.body == nil && $0.header("Content-Type") == nil })
    }

    @Test("status update and user message send JSON bodies and return the text answer")
    func textAnswers() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            request.path.hasSuffix("/status")
                ? Fixture.text(200, "Execution status updated.") : Fixture.text(201, "User message added.")
        }
        let client = Fixture.client(transport)
        let updated = try await client.updateStatus(id, to: .running)
        let added = try await client.addUserMessage(id, message: "use the blue form")
        #expect(updated == "Execution status updated.")
        #expect(added == "User message added.")
        #expect(transport.requests[0].bodyJSON == ["status": "running"])
        #expect(transport.requests[0].header("Content-Type") == "application/json")
        #expect(transport.requests[1].path == "/agents/v2/executions/\(id)/user-messages")
        #expect(transport.requests[1].bodyJSON == ["message": "use the blue form"])
    }

    @Test("rerun sends its overrides (or {}) and reads the 202")
    func rerun() async throws {
        let transport = FakeTransport(status: 202, json: #"{"executionId":"\#(Fixture.otherId)"}"#)
        let client = Fixture.client(transport)
        let plain = try await client.rerun(id)
        let overridden = try await client.rerun(id, request: RerunRequest(inputs: ["city": "Oslo"], profileId: id))
        #expect(plain.executionId == Fixture.otherId)
        #expect(overridden.executionId == Fixture.otherId)
        #expect(transport.requests[0].path == "/agents/v2/executions/\(id)/rerun")
        #expect(transport.requests[0].bodyJSON == [:])
        #expect(transport.requests[1].bodyJSON == ["inputs": ["city": "Oslo"], "profileId": .string(id)])
    }

    @Test("sync: 200 is finished, 202 is not; timeoutSeconds in the query and added to the request timeout")
    func sync() async throws {
        let transport = FakeTransport(sequence: [
            .success(Fixture.json(202, #"{"executionId":"\#(Fixture.id)","status":"running"}"#)),
            .success(
                Fixture.json(
                    200,
                    #"{"executionId":"\#(Fixture.id)","status":"completed","executionResult":{"id":"\#(Fixture.otherId)","executionId":"\#(Fixture.id)","outcome":"success","reasoning":"done","result":null,"createdAt":"2025-01-01T00:00:00.5+01:00"}}"#
                )),
        ])
        let client = Fixture.client(transport) { $0.timeout = .seconds(5) }
        let first = try await client.sync(id, timeoutSeconds: 3)
        #expect(!first.isFinished)
        #expect(first.status == .running)
        let done = try await client.waitUntilTerminal(id)
        #expect(done.isFinished)
        #expect(done.response.executionResult?.result == JSONValue.null)
        #expect(transport.requests.map(\.path) == Array(repeating: "/agents/v2/executions/\(id)/sync", count: 2))
        #expect(transport.requests[0].values("timeoutSeconds") == ["3"])
        #expect(transport.timeouts[0] == .seconds(8))
        #expect(transport.timeouts[1] == .seconds(30))
    }

    @Test("recording returns the 307 Location without following it")
    func recording() async throws {
        let signed = "https://storage.test/rec.mp4?sig=abc"
        let transport = FakeTransport { _, _ throws(TransportFailure) in
            TransportResponse(status: 307, headers: [("Location", signed)])
        }
        let url = try await Fixture.client(transport).recordingURL(id)
        #expect(url.absoluteString == signed)
        #expect(transport.requests.count == 1)
        #expect(transport.last?.path == "/agents/v2/executions/\(id)/recording")
    }

    @Test("agents list: query parameters, page decoding")
    func agents() async throws {
        let transport = FakeTransport(
            json:
                #"{"items":[{"id":"\#(Fixture.id)","name":"Invoice bot","createdAt":"2024-05-06T07:08:09.123Z","userId":"\#(Fixture.otherId)"}],"page":1,"pageSize":5,"total":1}"#
        )
        let page = try await Fixture.client(transport).listAgentsPage(
            ListAgentsQuery(
                organizationId: id, pageSize: 5, page: 1, searchName: "inv", sortField: .name, sortDirection: .asc))
        #expect(page.items.map(\.name) == ["Invoice bot"])
        let request = try #require(transport.last)
        #expect(request.path == "/agents/v2/agents")
        #expect(
            request.queryItems.map { "\($0.name)=\($0.value)" } == [
                "organizationId=\(id)", "pageSize=5", "page=1", "searchName=inv", "sortField=name", "sortDirection=asc",
            ])
    }
}
