import AstRuntime
import AsteroidClient
import AsteroidModels

/// `pause [ID]`: pause running executions; yields {executionId, status} for each.
struct PauseCommand: Command {
    let signature = Signature(
        "pause", "pause running executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | pause", "pause each of them")])

    func run(_ call: Invocation) async throws -> Value {
        try await call.statusChange(verb: "pause") { client, id throws(AsteroidError) in try await client.pause(id) }
    }
}
