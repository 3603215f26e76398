import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Strict writing: invalid requests are refused, naming the field, and never sent")
struct ValidationTests {
    let id = Fixture.id

    func refused(
        _ field: String, _ body: (AsteroidClient) async throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        let transport = FakeTransport(json: "{}")
        let error = await catchAsteroid { try await body(Fixture.client(transport)) }
        #expect(error?.kind == .validation, sourceLocation: sourceLocation)
        #expect(error?.field == field, sourceLocation: sourceLocation)
        #expect(error?.description.contains(field) == true, sourceLocation: sourceLocation)
        #expect(transport.requests.isEmpty, "an invalid request was sent", sourceLocation: sourceLocation)
    }

    @Test("bad UUIDs in paths")
    func badPathIds() async {
        await refused("executionId") { _ = try await $0.getExecution("not-a-uuid") }
        await refused("executionId") { try await $0.deleteExecution("3c90c3cc") }
        await refused("executionId") { _ = try await $0.rerun("../agents") }
        await refused("executionId") { _ = try await $0.recordingURL("") }
        await refused("agentId") { _ = try await $0.execute(agentId: "x") }
        await refused("workflowId") { _ = try await $0.executeWorkflowSync(workflowId: "x") }
        await refused("organizationId") {
            _ = try await $0.stageTempFiles([FileUpload(name: "a", data: Data())], organizationId: "org")
        }
    }

    @Test("execute body rules")
    func executeBody() async {
        await refused("agentProfilePoolId") {
            _ = try await $0.execute(agentId: id, request: ExecuteRequest(agentProfileId: id, agentProfilePoolId: id))
        }
        await refused("profileGroupId") {
            _ = try await $0.execute(agentId: id, request: ExecuteRequest(profileId: id, profileGroupId: id))
        }
        await refused("executionOptions.softTimeoutMins") {
            _ = try await $0.execute(
                agentId: id, request: ExecuteRequest(executionOptions: ExecutionOptions(softTimeoutMins: 0)))
        }
        await refused("timeoutSeconds") {
            _ = try await $0.executeSync(agentId: id, request: ExecuteRequest(timeoutSeconds: 26))
        }
        await refused("timeoutSeconds") {
            _ = try await $0.execute(agentId: id, request: ExecuteRequest(timeoutSeconds: 5))
        }
        await refused("onCapacityLimit") {
            _ = try await $0.execute(agentId: id, request: ExecuteRequest(onCapacityLimit: .unknown("wait")))
        }
        await refused("tempFiles[0].id") {
            _ = try await $0.execute(agentId: id, request: ExecuteRequest(tempFiles: [TempFile(id: "f", name: "a")]))
        }
    }

    @Test("list query rules")
    func listQuery() async {
        for size in [0, 101] {
            var query = ListExecutionsQuery()
            query.pageSize = size
            await refused("pageSize") { _ = try await $0.listExecutionsPage(query) }
            await refused("pageSize") { _ = try await $0.listExecutions(query).collect() }
            await refused("pageSize") { _ = try await $0.listAgentsPage(ListAgentsQuery(pageSize: size)) }
        }
        var pair = ListExecutionsQuery()
        pair.metadataKey = "team"
        await refused("metadataValue") { _ = try await $0.listExecutionsPage(pair) }
        var status = ListExecutionsQuery()
        status.status = [.unknown("exploded")]
        await refused("status") { _ = try await $0.listExecutionsPage(status) }
        await refused("limit") { _ = try await $0.activities(id, query: ActivitiesQuery(limit: 0)) }
    }

    @Test("other bodies and parameters")
    func others() async {
        await refused("profileId") { _ = try await $0.rerun(id, request: RerunRequest(profileId: "p")) }
        await refused("status") { try await $0.updateStatus(id, to: .unknown("done")) }
        await refused("message") { try await $0.addUserMessage(id, message: "") }
        await refused("timeoutSeconds") { _ = try await $0.sync(id, timeoutSeconds: 0) }
        await refused("files") { _ = try await $0.stageTempFiles([FileUpload]()) }
        await refused("organizationId") {
            _ = try await $0.stageTempFiles([FileUpload(name: "a", data: Data())], route: .legacy)
        }
    }
}
