import AsteroidModels
import Foundation
import Testing

@Suite("Newest shapes (PY 1.9.167): tolerant reading")
struct NewestDecodingTests {
    @Test("queued status, warmup trigger, workflowName, variantKey, unknown fields ignored")
    func queued() throws {
        let page = try Fixtures.decode(Page<Execution>.self, "newest-list-executions.json")
        #expect(page.items.count == 3 && page.isLast)
        let queued = page.items[0]
        #expect(queued.status == .queued)
        #expect(queued.status.phase == .pending)
        #expect(queued.workflowName == "Invoice bot")
        #expect(queued.workflowVersion == 7 && queued.workflowVersionPublished == true)
        #expect(queued.triggerContext == .warmup(warmPoolId: "cc33dd44-5555-4e6f-8a7b-8c9d0e1f2a3b"))
        #expect(queued.executionOptions?.variantKey == "eu-west")
        #expect(queued.platformUrl?.hasPrefix("https://") == true)
        #expect(queued.startedAt == nil)
    }

    @Test("fractional seconds and offsets; result null; actor; script failures")
    func failed() throws {
        let page = try Fixtures.decode(Page<Execution>.self, "newest-list-executions.json")
        let failed = page.items[1]
        #expect(page.items[0].createdAt == (try Fixtures.date("2026-10-25T10:00:00.123456Z")))
        #expect(failed.startedAt == (try Fixtures.date("2026-10-25T10:00:01.500Z")))
        #expect(failed.terminalAt == (try Fixtures.date("2026-10-25T10:30:00Z")))
        #expect(failed.executionResult?.result == JSONValue.null)
        #expect(failed.parentExecutionId == page.items[0].id)
        #expect(failed.profileName == "EU login")
        #expect(failed.scriptFailures?.first?.failedLine == 12)
        guard case .api(_, let actor, _)? = failed.triggerContext else {
            Issue.record("expected api trigger")
            return
        }
        #expect(actor == TriggerActor(kind: .apiKey, id: "key_123", client: .sdk))
    }

    @Test("unknown status and trigger source survive re-encoding")
    func unknownValues() throws {
        let page = try Fixtures.decode(Page<Execution>.self, "newest-list-executions.json")
        let odd = page.items[2]
        #expect(odd.status == .unknown("hibernating"))
        #expect(!odd.status.isKnown && !odd.status.isTerminal)
        #expect(odd.triggerContext?.source == .unknown("webhook"))
        let again = try Fixtures.roundTrip(odd)
        #expect(again == odd)
        let text = String(decoding: try AsteroidJSON.makeEncoder().encode(odd), as: UTF8.self)
        #expect(text.contains(#""status":"hibernating""#))
        #expect(text.contains(#""hookId":"h-1""#))
        #expect(try Fixtures.roundTrip(Array(page.items[1...])) == Array(page.items[1...]))
        // Timestamps are written with millisecond precision: the fixture's microseconds round away.
        let queued = try Fixtures.roundTrip(page.items[0])
        #expect(abs(queued.createdAt.timeIntervalSince(page.items[0].createdAt)) < 0.001)
        #expect(queued.status == .queued && queued.triggerContext == page.items[0].triggerContext)
    }

    @Test("activities: flat and enveloped payloads, unknown kind kept")
    func activities() throws {
        let activities = try Fixtures.decode([Activity].self, "newest-activities.json")
        #expect(
            activities.map(\.payload.activityType) == [
                .stepStarted, .actionFailed, .statusChanged, .unknown("hologram_projected"),
            ])
        #expect(activities[0].payload.stepNumber == 1)
        #expect(activities[0].payload["display"]?["presentationLevel"] == "system")
        #expect(activities[1].payload.message == "Click failed")
        #expect(activities[1].payload.actionName == "element_click")
        #expect(activities[1].timestamp == (try Fixtures.date("2026-10-25T10:00:03Z")))
        #expect(activities[2].payload.status == .failed)
        #expect(activities[2].payload["failedPayload"]?["os_error"]?["message"] == "ETIMEDOUT")
        #expect(activities[3].payload["intensity"] == 0.75)
        let again = try Fixtures.roundTrip(activities)
        #expect(again == activities)
    }

    @Test("error body with code as 404.0 and problem-details members")
    func errorBody() throws {
        let body = try Fixtures.decode(ErrorBody.self, "error-404-double.json")
        #expect(body.code == 404)
        #expect(body.message == "Execution not found.")
        #expect(body.title == "Not Found" && body.status == 404)
        let plain = try Fixtures.decode(
            ErrorBody.self,
            json:
                #"{"code":400,"message":"Invalid request parameters.","errors":[{"parameter":"status","detail":"unknown"}]}"#
        )
        #expect(plain.errors?.first?.parameter == "status")
    }

    @Test("sync response: 202 shape without a result, 200 with one; execute response with status")
    func syncAndExecute() throws {
        let pending = try Fixtures.decode(SyncResponse.self, json: #"{"executionId":"x","status":"paused_by_agent"}"#)
        #expect(pending.status == .pausedByAgent && pending.executionResult == nil)
        let done = try Fixtures.decode(
            SyncResponse.self,
            json:
                #"{"executionId":"x","status":"completed","executionResult":{"id":"r","executionId":"x","outcome":"success","reasoning":"ok","result":{"total":12.5,"items":[1,"a",null]},"createdAt":"2026-01-01T00:00:00Z"}}"#
        )
        #expect(done.executionResult?.result["total"] == 12.5)
        #expect(try Fixtures.roundTrip(done) == done)
        let started = try Fixtures.decode(ExecuteResponse.self, json: #"{"executionId":"x","status":"starting"}"#)
        #expect(started.status == .starting)
        let change = try Fixtures.decode(StatusChange.self, json: #"{"executionId":"x","status":"resuming"}"#)
        #expect(change.status == .unknown("resuming"))
    }

    @Test("agents page and temp files response")
    func agentsAndFiles() throws {
        let page = try Fixtures.decode(
            Page<Agent>.self,
            json:
                #"{"items":[{"id":"a","name":"n","createdAt":"2024-02-29T23:59:59.999-00:30","userId":"u","tags":["x"]}],"page":2,"pageSize":1,"total":2}"#
        )
        #expect(page.items.first?.organizationId == nil)
        #expect(page.isLast)
        #expect(page.items.first?.createdAt == (try Fixtures.date("2024-03-01T00:29:59.999Z")))
        let files = try Fixtures.decode(TempFilesResponse.self, json: #"{"tempFiles":[{"id":"f","name":"a.pdf"}]}"#)
        #expect(files.tempFiles == [TempFile(id: "f", name: "a.pdf")])
    }
}
