import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("lifecycle on a manual clock")
struct LifecycleTests {
    @Test("execute: starting → running → completed, with activities along the way")
    func progression() async throws {
        let harness = try await Harness.make(executions: 10)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            let response = try await client.call(
                .post, "/agents/\(agent)/execute",
                body: #"{"inputs":{"invoiceNumber":"INV-1"},"metadata":{"run":"t1"}}"#)
            #expect(response.status == .accepted)
            let created = try response.decode(ExecuteResponse.self)
            #expect(created.status == .starting)
            let id = created.executionId
            var e = try await client.get(Execution.self, "/executions/\(id)")
            #expect(e.status == .starting && e.startedAt == nil && e.workflowName == "Invoice Processor")
            #expect(e.workflowVersionId != nil && e.agentId == agent && e.workflowId == agent)
            try await harness.advance(by: 1)
            e = try await client.get(Execution.self, "/executions/\(id)")
            #expect(e.status == .running && e.startedAt != nil && e.liveViewUrl != nil)
            try await harness.finishAll()
            e = try await client.get(Execution.self, "/executions/\(id)")
            #expect(e.status == .completed)
            #expect(e.executionResult?.outcome == "success")
            #expect(e.terminalAt != nil && e.duration != nil && e.recordingUrl != nil && e.liveViewUrl == nil)
            let feed = try await client.get([Activity].self, "/executions/\(id)/activities")
            let kinds = feed.map(\.payload.activityType)
            for kind in [
                ActivityType.statusChanged, .stepStarted, .stepCompleted, .actionStarted, .actionCompleted, .reasoning,
                .terminal,
            ] {
                #expect(kinds.contains(kind), "missing \(kind)")
            }
            #expect(feed.compactMap(\.payload.status) == [.starting, .running, .completed])
            #expect(feed.map(\.timestamp) == feed.map(\.timestamp).sorted())
            let newest = try await client.get([Activity].self, "/executions/\(id)/activities?order=desc&limit=2")
            #expect(newest.count == 2 && newest[0].payload.activityType == .terminal)
            let found = try await client.page("metadataKey=run&metadataValue=t1")
            #expect(found.items.map(\.id) == [id])
        }
    }

    @Test(
        "documented outcome rules",
        arguments: [
            (#"{"inputs":{"fail":true}}"#, ExecutionStatus.failed, "failure"),
            (#"{"inputs":{"timeout":true}}"#, .failed, "timeout"),
            (#"{"dynamicData":{"x":1}}"#, .completed, "success"),
        ])
    func outcomes(_ body: String, _ status: ExecutionStatus, _ outcome: String) async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Price Monitor"), body)
            try await harness.finishAll()
            let e = try await client.get(Execution.self, "/executions/\(id)")
            #expect(e.status == status)
            #expect(e.executionResult?.outcome == outcome)
        }
    }

    @Test("the flaky agent fails every 5th execution")
    func flaky() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let agent = try await client.agentId("Lead Enricher")
            var ids: [String] = []
            for _ in 0..<10 { ids.append(try await client.execute(agent)) }
            try await harness.finishAll()
            var statuses: [ExecutionStatus] = []
            for id in ids { statuses.append(try await client.get(Execution.self, "/executions/\(id)").status) }
            #expect(
                statuses == [
                    .completed, .completed, .completed, .completed, .failed, .completed, .completed, .completed,
                    .completed, .failed,
                ])
        }
    }

    @Test("pause, resume, cancel and the status endpoint follow the transition table")
    func transitions() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Shipment Tracker"))
            let early = try await client.call(.post, "/executions/\(id)/pause")
            #expect(early.status == .badRequest && early.error?.message.contains("only a running") == true)
            try await harness.advance(by: 1)
            let paused = try await client.call(.post, "/executions/\(id)/pause")
            #expect(try paused.decode(StatusChange.self) == StatusChange(executionId: id, status: .paused))
            try await harness.advance(by: 60)
            #expect(try await client.get(Execution.self, "/executions/\(id)").status == .paused)
            let again = try await client.call(.post, "/executions/\(id)/pause")
            #expect(again.status == .badRequest)
            let resumed = try await client.call(.post, "/executions/\(id)/status", body: #"{"status":"running"}"#)
            #expect(resumed.status == .ok && resumed.text == "Execution status updated to running.")
            #expect(resumed.headers[.contentType]?.hasPrefix("text/plain") == true)
            let resumeRunning = try await client.call(.post, "/executions/\(id)/resume")
            #expect(resumeRunning.status == .badRequest && resumeRunning.error?.message.contains("running") == true)
            let cancelled = try await client.call(.post, "/executions/\(id)/cancel")
            #expect(try cancelled.decode(StatusChange.self).status == .cancelled)
            let e = try await client.get(Execution.self, "/executions/\(id)")
            #expect(e.status == .cancelled && e.terminalAt != nil)
            for action in ["pause", "resume", "cancel"] {
                let response = try await client.call(.post, "/executions/\(id)/\(action)")
                #expect(response.status == .badRequest && response.error?.message.contains("terminal") == true)
            }
            let message = try await client.call(.post, "/executions/\(id)/user-messages", body: #"{"message":"hi"}"#)
            #expect(message.status == .badRequest)
        }
    }

    @Test("delete is soft and terminal-only")
    func delete() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Price Monitor"))
            let refused = try await client.call(.delete, "/executions/\(id)")
            #expect(refused.status == .badRequest)
            try await harness.finishAll()
            let deleted = try await client.call(.delete, "/executions/\(id)")
            #expect(deleted.status == .noContent && deleted.body.readableBytes == 0)
            #expect(try await client.call(.get, "/executions/\(id)").status == .notFound)
            #expect(try await client.call(.delete, "/executions/\(id)").status == .notFound)
            #expect(try await client.page("").total == 0)
        }
    }

    @Test("rerun copies the original, links parent and child, and takes overrides")
    func rerun() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            let profile = harness.services.catalog.profiles[1].id
            let original = try await client.execute(
                agent,
                #"{"inputs":{"fail":true,"n":1},"metadata":{"k":"v"},"version":1,"profileId":"\#(profile)","executionOptions":{"softTimeoutMins":5}}"#
            )
            try await harness.finishAll()
            let rerun = try await client.call(.post, "/executions/\(original)/rerun")
            #expect(rerun.status == .accepted)
            let child = try rerun.decode(ExecuteResponse.self).executionId
            let parent = try await client.get(Execution.self, "/executions/\(original)")
            var copy = try await client.get(Execution.self, "/executions/\(child)")
            #expect(parent.hasBeenRerun && copy.parentExecutionId == original && !copy.hasBeenRerun)
            #expect(copy.inputs == parent.inputs && copy.metadata == ["k": "v"] && copy.profileId == profile)
            #expect(copy.profileName == harness.services.catalog.profiles[1].name)
            #expect(copy.workflowVersion == 1 && copy.workflowVersionId == parent.workflowVersionId)
            #expect(copy.executionOptions?.softTimeoutMins == 5)
            try await harness.finishAll()
            copy = try await client.get(Execution.self, "/executions/\(child)")
            #expect(copy.status == .failed)
            let fixed = try await client.call(.post, "/executions/\(original)/rerun", body: #"{"inputs":{"n":2}}"#)
            let fixedId = try fixed.decode(ExecuteResponse.self).executionId
            try await harness.finishAll()
            let fixedRun = try await client.get(Execution.self, "/executions/\(fixedId)")
            #expect(fixedRun.inputs == ["n": 2] && fixedRun.status == .completed)
            let children = try await client.page("status=completed&status=failed&sort=created_at:asc")
            #expect(children.items.map(\.id) == [original, child, fixedId])
        }
    }

    @Test("rerun flips only the original's hasBeenRerun: its stored JSON stays the shared encoder's bytes")
    func rerunKeepsOriginalBytes() async throws {
        let harness = try await Harness.make(executions: 40)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            let odd = #"{"inputs":{"note":"quote \" slash / tab \t é 🚀 \u0007","n":[1,2.5,{"hasBeenRerun":false}]}}"#
            let executed = try await client.execute(agent, odd)
            try await harness.finishAll()
            let seeded = try await client.page("status=failed&pageSize=5").items.map(\.id)
            for id in [executed] + seeded {
                let before = try #require(try await harness.services.repository.executionJSON(id))
                #expect(try await client.call(.post, "/executions/\(id)/rerun").status == .accepted)
                let after = try #require(try await harness.services.repository.executionJSON(id))
                var expected = try AsteroidJSON.makeDecoder().decode(Execution.self, from: Data(before.utf8))
                #expect(!expected.hasBeenRerun)
                expected.hasBeenRerun = true
                #expect(after == String(decoding: try AsteroidJSON.makeEncoder().encode(expected), as: UTF8.self))
            }
        }
    }

    @Test("a new run due after the loop's planned wake does not wake it; one due before does")
    func scheduleWakeups() async throws {
        let harness = try await Harness.make(executions: 0)
        let engine = harness.services.engine
        let loop = Task { await engine.run() }
        defer { loop.cancel() }
        var planned: Date?
        for _ in 0..<2000 where planned == nil {
            planned = engine.nextPlannedWake
            if planned == nil { try await Task.sleep(for: .milliseconds(1)) }
        }
        let wake = try #require(planned)
        let generation = harness.services.notifier.generation
        engine.scheduleChanged(dueAt: wake.addingTimeInterval(1))
        #expect(harness.services.notifier.generation == generation)
        engine.scheduleChanged(dueAt: wake.addingTimeInterval(-1))
        #expect(harness.services.notifier.generation == generation + 1)
        engine.scheduleChanged()
        #expect(harness.services.notifier.generation > generation + 1)
    }

    @Test("user messages show up in the activities")
    func userMessages() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Price Monitor"))
            let response = try await client.call(
                .post, "/executions/\(id)/user-messages", body: #"{"message":"use the EU site"}"#)
            #expect(response.status == .created && response.text == "User message added.")
            let feed = try await client.get([Activity].self, "/executions/\(id)/activities")
            let message = try #require(feed.first { $0.payload.activityType == .userMessageReceived })
            #expect(message.payload.message == "use the EU site")
        }
    }

    @Test("sync: 202 while paused, 200 with the result once terminal, woken by the change")
    func sync() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Price Monitor"))
            try await harness.advance(by: 1)
            _ = try await client.call(.post, "/executions/\(id)/pause")
            let paused = try await client.call(.get, "/executions/\(id)/sync?timeoutSeconds=25")
            #expect(paused.status == .accepted)
            #expect(try paused.decode(SyncResponse.self).status == .paused)
            _ = try await client.call(.post, "/executions/\(id)/resume")
            async let waited = client.call(.get, "/executions/\(id)/sync?timeoutSeconds=25")
            try await harness.finishAll()
            let done = try await waited
            #expect(done.status == .ok)
            let body = try done.decode(SyncResponse.self)
            #expect(body.status == .completed && body.executionResult?.outcome == "success")
        }
    }

    @Test("execute/sync returns 200 when the run ends within the wait")
    func executeSync() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            async let response = client.call(
                .post, "/workflows/\(agent)/execute/sync", body: #"{"inputs":{"timeout":true},"timeoutSeconds":25}"#)
            // Drive the clock until the request's execution exists and finishes.
            // (Bounded: if the execute fails, nothing is ever created, and the test must fail, not spin.)
            let deadline = ContinuousClock.now + .seconds(20)
            while try await harness.services.repository.countExecutions(workflowId: agent) == 0 {
                guard ContinuousClock.now < deadline else {
                    Issue.record("the execution was never created")
                    break
                }
                await Task.yield()
            }
            try await harness.finishAll()
            let done = try await response
            #expect(done.status == .ok)
            let body = try done.decode(SyncResponse.self)
            #expect(body.status == .failed && body.executionResult?.outcome == "timeout")
        }
    }

    @Test("recording redirects to a signed URL, also with ?token=")
    func recording() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.execute(try await client.agentId("Price Monitor"))
            #expect(try await client.call(.get, "/executions/\(id)/recording").status == .notFound)
            try await harness.finishAll()
            let redirect = try await client.call(.get, "/executions/\(id)/recording")
            #expect(redirect.status == .temporaryRedirect)
            #expect(redirect.headers[.location]?.contains("X-Sandbox-Signature=") == true)
            let token = try await client.call(.get, "/executions/\(id)/recording?token=abc", key: nil)
            #expect(token.status == .temporaryRedirect)
            let noToken = try await client.call(.get, "/executions/\(id)/recording", key: nil)
            #expect(noToken.status == .unauthorized)
        }
    }
}
