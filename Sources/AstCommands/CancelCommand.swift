import AstRuntime
import AsteroidClient
import AsteroidModels

/// `cancel [ID]`: cancel executions (they cannot be resumed); yields {executionId, status} for each.
struct CancelCommand: Command {
    let signature = Signature(
        "cancel", "cancel executions (they cannot be resumed)", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | cancel", "cancel each of them")])

    func run(_ call: Invocation) async throws -> Value {
        try await call.statusChange(verb: "cancel") { client, id throws(AsteroidError) in try await client.cancel(id) }
    }
}
