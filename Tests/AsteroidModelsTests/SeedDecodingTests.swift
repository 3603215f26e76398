import AsteroidModels
import Foundation
import Testing

@Suite("Seed shapes (shared/seeds 000–002) decode completely")
struct SeedDecodingTests {
    let id = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

    @Test("seed 000: list executions page, every item field")
    func listPage() throws {
        let page = try Fixtures.decode(Page<Execution>.self, "seed-list-executions.json")
        #expect(page.page == 123 && page.pageSize == 123 && page.total == 123)
        let item = try #require(page.items.first)
        #expect(item.id == id && item.agentId == id && item.workflowId == id && item.organizationId == id)
        #expect(item.agentName == "<string>")
        // The seed example leaves status out although the schema requires it.
        #expect(item.status == .unknown(""))
        #expect(item.hasBeenRerun)
        #expect(item.createdAt == (try Fixtures.date("2023-11-07T05:31:56Z")))
        #expect(item.terminalAt == item.createdAt)
        #expect(item.comments.first?.public == true)
        #expect(item.comments.first?.updatedAt == item.createdAt)
        #expect(item.humanLabels.first?.organizationId == id)
        #expect(item.agentProfileId == id && item.agentProfileName == "<string>")
        #expect(item.browserLiveViewUrl == "<string>" && item.browserRecordingUrl == "<string>")
        #expect(item.liveViewUrl == "<string>" && item.recordingUrl == "<string>")
        #expect(item.duration == 123)
        #expect(item.executionOptions == ExecutionOptions(sharedStorageKey: "<string>", softTimeoutMins: 2))
        #expect(item.executionResult?.result == "<unknown>")
        #expect(item.executionResult?.outcome == "<string>")
        #expect(item.inputs == [:] && item.metadata == [:])
        #expect(item.parentExecutionId == id)
        guard case .api(let runner, let actor, let apiKey)? = item.triggerContext else {
            Issue.record("expected an api trigger, got \(String(describing: item.triggerContext))")
            return
        }
        #expect(runner == TriggerRunner(userId: id, email: "<string>", isAdmin: true))
        #expect(actor == nil)
        #expect(apiKey == APIKeyRef(id: id, name: "<string>"))
    }

    @Test("seed 001: get execution (ListItem with status)")
    func getExecution() throws {
        let item = try Fixtures.decode(Execution.self, "seed-get-execution.json")
        #expect(item.status == .awaitingConfirmation)
        #expect(!item.status.isTerminal)
    }

    @Test("seed 002: execute body and 202 response; the example breaks the profile/pool exclusion")
    func execute() throws {
        let request = try Fixtures.decode(ExecuteRequest.self, "seed-execute-request.json")
        #expect(request.agentProfileId == id && request.agentProfilePoolId == id)
        #expect(request.dynamicData == [:] && request.inputs == [:] && request.metadata == [:])
        #expect(request.tempFiles == [TempFile(id: id, name: "<string>")])
        #expect(request.version == 123)
        #expect(request.executionOptions?.softTimeoutMins == 2)
        #expect(throws: RequestValidationError.self) { try request.validate() }
        do {
            try request.validate()
        } catch {
            #expect(error.parameter == "agentProfilePoolId")
        }
        var valid = request
        valid.agentProfilePoolId = nil
        try valid.validate()
        #expect(try Fixtures.roundTrip(valid) == valid)
        let response = try Fixtures.decode(ExecuteResponse.self, "seed-execute-response.json")
        #expect(response == ExecuteResponse(executionId: id))
    }
}
