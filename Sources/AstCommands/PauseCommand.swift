import AsteroidClient
import AsteroidModels
import AstRuntime

/// `pause [ID]`: pause running executions; yields {executionId, status} for each.
struct PauseCommand: Command {
    let signature = Signature(
        "pause", "pause running executions", category: "api",
        positionals: [ParamSpec("id", .string, "an execution id")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | pause", "pause each of them")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.mutatingClient(call)
        var results: [Value] = []
        for id in try await call.mutationTargets(verb: "pause") {
            try Task.checkCancellation()
            guard let change = try await call.request({ () throws(AsteroidError) in try await client.pause(id) }) else { continue }
            results.append(APIValues.value(change))
        }
        return call.shaped(results)
    }
}
