import AsteroidClient
import AsteroidModels
import AstRuntime

/// `cancel [ID]`: cancel executions (they cannot be resumed); yields {executionId, status} for each.
struct CancelCommand: Command {
    let signature = Signature(
        "cancel", "cancel executions (they cannot be resumed)", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | cancel", "cancel each of them")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.writer(call)
        let targets = try await call.mutationTargets(verb: "cancel")
        return try await call.bulkChange(verb: "cancel", targets: targets) { target in
            guard let change = try await call.mutation({ () throws(AsteroidError) in try await client.cancel(target.id) }) else {
                return DryRunPlaceholder.change([("executionId", .string(target.id))])
            }
            return APIValues.value(change)
        }
    }
}
