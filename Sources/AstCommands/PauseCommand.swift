import AsteroidClient
import AsteroidModels
import AstRuntime

/// `pause [ID]`: pause running executions; yields {executionId, status} for each.
struct PauseCommand: Command {
    let signature = Signature(
        "pause", "pause running executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | pause", "pause each of them")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.writer(call)
        let targets = try await call.mutationTargets(verb: "pause")
        return try await call.bulkChange(verb: "pause", targets: targets) { target in
            guard let change = try await call.mutation({ () throws(AsteroidError) in try await client.pause(target.id) }) else {
                return DryRunPlaceholder.change([("executionId", .string(target.id))])
            }
            return APIValues.value(change)
        }
    }
}
