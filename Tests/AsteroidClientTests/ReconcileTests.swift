import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AsteroidClient

/// Mutations whose answer is lost are settled by asking the API (against a real in-process sandbox; the
/// transport double delivers or withholds the request and loses the answer).
@Suite("Reconcile: ambiguous writes settled by reading the API", .serialized)
struct ReconcileTests {
    /// A terminal execution that has never been rerun.
    func parent(_ client: AsteroidClient) async throws -> Execution {
        var query = ListExecutionsQuery()
        query.status = [.failed, .completed]
        let candidates = try await client.listExecutions(query).collect(limit: 40)
        return try #require(candidates.first { !$0.hasBeenRerun })
    }

    func children(of parentId: String, _ client: AsteroidClient) async throws -> [Execution] {
        try await client.listExecutions().collect().filter { $0.parentExecutionId == parentId }
    }

    @Test(
        "a rerun delivered whose answer is lost comes back with the real child, made once",
        arguments: [LosingTransport.Fault.loseAnswer, .replaceAnswer(502), .replaceAnswer(500), .replaceAnswer(504)])
    func rerunDelivered(fault: LosingTransport.Fault) async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("POST", "/rerun", fault)
            let result = try await client.rerun(parent.id)
            let children = try await children(of: parent.id, client)
            #expect(children.map(\.id) == [result.executionId])
            #expect(transport.count("POST", "/rerun") == 1)
        }
    }

    @Test(
        "a rerun that never reached the server is sent again, made once",
        arguments: [LosingTransport.Fault.dropRequest, .refuse(500), .refuse(502)])
    func rerunNotDelivered(fault: LosingTransport.Fault) async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("POST", "/rerun", fault)
            let result = try await client.rerun(parent.id)
            let children = try await children(of: parent.id, client)
            #expect(children.map(\.id) == [result.executionId])
            #expect(transport.count("POST", "/rerun") == 2)
        }
    }

    @Test("a rerun lost twice in a row, then delivered: still exactly one child")
    func rerunLostRepeatedly() async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("POST", "/rerun", .dropRequest)
            transport.plan("POST", "/rerun", .refuse(502))
            transport.plan("POST", "/rerun", .loseAnswer)
            let result = try await client.rerun(parent.id)
            #expect(try await children(of: parent.id, client).map(\.id) == [result.executionId])
            #expect(transport.count("POST", "/rerun") == 3)
        }
    }

    @Test("a parent rerun before, whose new rerun's answer is lost undelivered: outcome unknown, not resent")
    func rerunUnknown() async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            let first = try await client.rerun(parent.id)
            // The earlier child must be older than the attempt (less the 1 s resolution of the Date header and 1 s of slack).
            try await Task.sleep(for: .milliseconds(3_000))
            transport.plan("POST", "/rerun", .dropRequest)
            let error = try #require(await catchAsteroid { try await client.rerun(parent.id) })
            #expect(error.isOutcomeUnknown)
            #expect(error.description.contains("hasBeenRerun"))
            #expect(error.description.contains("outcome unknown"))
            #expect(try await children(of: parent.id, client).map(\.id) == [first.executionId])
            #expect(transport.count("POST", "/rerun") == 2)
        }
    }

    @Test("the reads that should settle a lost rerun fail too: outcome unknown, saying so")
    func rerunReadsFail() async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("POST", "/rerun", .loseAnswer)
            transport.plan("GET", "/executions/\(parent.id)", .refuse(404))
            let error = try #require(await catchAsteroid { try await client.rerun(parent.id) })
            #expect(error.isOutcomeUnknown)
            #expect(error.description.contains("asking the API what happened failed too"))
        }
    }

    func started(_ client: AsteroidClient) async throws -> (agent: String, execution: String) {
        let agent = try #require(try await client.listAgentsPage().items.first).id
        return (agent, try await client.execute(agentId: agent).executionId)
    }

    @Test("cancel: delivered and lost → success; never delivered → sent again", arguments: [true, false])
    func cancel(delivered: Bool) async throws {
        try await withLosingSandbox { client, transport in
            let (_, id) = try await started(client)
            transport.plan("POST", "/cancel", delivered ? .loseAnswer : .dropRequest)
            let change = try await client.cancel(id)
            #expect(change == StatusChange(executionId: id, status: .cancelled))
            #expect(try await client.getExecution(id).status == .cancelled)
            #expect(transport.count("POST", "/cancel") == (delivered ? 1 : 2))
        }
    }

    @Test("the status endpoint: a lost answer to a cancel that happened is a success")
    func statusEndpoint() async throws {
        try await withLosingSandbox { client, transport in
            let (_, id) = try await started(client)
            transport.plan("POST", "/status", .replaceAnswer(502))
            _ = try await client.updateStatus(id, to: .cancelled)
            #expect(try await client.getExecution(id).status == .cancelled)
            #expect(transport.count("POST", "/status") == 1)
        }
    }

    @Test("cancel of a finished execution whose answer is lost: the real error, saying it did not take effect")
    func cancelFinished() async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("POST", "/cancel", .refuse(500))
            let error = try #require(await catchAsteroid { try await client.cancel(parent.id) })
            #expect(error.status == 500)
            #expect(!error.isOutcomeUnknown)
            #expect(error.description.contains("did not take effect"))
            #expect(transport.count("POST", "/cancel") == 1)
        }
    }

    @Test("what a status says about a lost change")
    func verdicts() {
        #expect(AsteroidClient.verdict(.paused, .paused) == .done)
        #expect(AsteroidClient.verdict(.running, .paused) == .changeable)
        #expect(AsteroidClient.verdict(.completed, .paused) == .unknown)
        #expect(AsteroidClient.verdict(.pausedByAgent, .running) == .changeable)
        #expect(AsteroidClient.verdict(.failed, .running) == .unknown)
        #expect(AsteroidClient.verdict(.starting, .cancelled) == .changeable)
        #expect(AsteroidClient.verdict(.completed, .cancelled) == .notApplied)
    }

    @Test("execute delivered whose answer is lost reports the one execution it made")
    func executeDelivered() async throws {
        try await withLosingSandbox { client, transport in
            let agent = try #require(try await client.listAgentsPage().items.first).id
            let marker = JSONValue.string(UUID().uuidString)
            transport.plan("POST", "/execute", .loseAnswer)
            let result = try await client.execute(agentId: agent, request: ExecuteRequest(inputs: ["marker": marker]))
            let made = try await client.listExecutions().collect().filter { $0.inputs?["marker"] == marker }
            #expect(made.map(\.id) == [result.executionId])
            #expect(transport.count("POST", "/execute") == 1)
        }
    }

    @Test("execute never delivered: not sent again, outcome unknown (no flag can prove it did not start)")
    func executeNotDelivered() async throws {
        try await withLosingSandbox { client, transport in
            let agent = try #require(try await client.listAgentsPage().items.first).id
            let marker = JSONValue.string(UUID().uuidString)
            transport.plan("POST", "/execute", .dropRequest)
            let error = try #require(
                await catchAsteroid {
                    try await client.execute(agentId: agent, request: ExecuteRequest(inputs: ["marker": marker]))
                })
            #expect(error.isOutcomeUnknown)
            #expect(error.description.contains("most likely did not start"))
            #expect(transport.count("POST", "/execute") == 1)
            #expect(try await client.listExecutions().collect().allSatisfy { $0.inputs?["marker"] != marker })
        }
    }

    @Test("execute lost when a twin with the same inputs was just made: unknown, both candidates named")
    func executeTwins() async throws {
        try await withLosingSandbox { client, transport in
            let agent = try #require(try await client.listAgentsPage().items.first).id
            let request = ExecuteRequest(inputs: ["marker": .string(UUID().uuidString)])
            let first = try await client.execute(agentId: agent, request: request)
            transport.plan("POST", "/execute", .loseAnswer)
            let error = try #require(await catchAsteroid { try await client.execute(agentId: agent, request: request) })
            #expect(error.isOutcomeUnknown)
            #expect(error.description.contains("2 executions"))
            #expect(error.description.contains(first.executionId))
        }
    }

    @Test("delete: delivered and lost → success; never delivered → sent again", arguments: [true, false])
    func delete(delivered: Bool) async throws {
        try await withLosingSandbox { client, transport in
            let parent = try await parent(client)
            transport.plan("DELETE", parent.id, delivered ? .replaceAnswer(502) : .dropRequest)
            try await client.deleteExecution(parent.id)
            #expect(await catchAsteroid { try await client.getExecution(parent.id) }?.isNotFound == true)
            #expect(transport.count("DELETE", parent.id) == (delivered ? 1 : 2))
        }
    }

    @Test("a user message whose answer is lost: outcome unknown (nothing can check it), not resent")
    func userMessage() async throws {
        try await withLosingSandbox { client, transport in
            let (_, id) = try await started(client)
            transport.plan("POST", "/user-messages", .loseAnswer)
            let error = try #require(await catchAsteroid { try await client.addUserMessage(id, message: "hi") })
            #expect(error.isOutcomeUnknown)
            #expect(transport.count("POST", "/user-messages") == 1)
        }
    }
}

extension LosingTransport.Fault: CustomTestStringConvertible {
    var testDescription: String { "\(self)" }
}
