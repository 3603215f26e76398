import AsteroidClient
import AsteroidModels
import AstRuntime

/// `resume [ID]`: resume paused executions; yields {executionId, status} for each.
struct ResumeCommand: Command {
    let signature = Signature(
        "resume", "resume paused executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=running | where .createdAt < $now - 1h | resume", "resume each of them")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.writer(call)
        let targets = try await call.mutationTargets(verb: "resume")
        return try await call.bulkChange(verb: "resume", targets: targets) { target in
            guard let change = try await call.mutation({ () throws(AsteroidError) in try await client.resume(target.id) }) else {
                return DryRunPlaceholder.change([("executionId", .string(target.id))])
            }
            return APIValues.value(change)
        }
    }
}
