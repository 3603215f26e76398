import AstRuntime
import AsteroidClient
import AsteroidModels

/// `resume [ID]`: resume paused executions; yields {executionId, status} for each.
struct ResumeCommand: Command {
    let signature = Signature(
        "resume", "resume paused executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | resume", "resume each of them")])

    func run(_ call: Invocation) async throws -> Value {
        try await call.statusChange(verb: "resume") { client, id throws(AsteroidError) in try await client.resume(id) }
    }
}
