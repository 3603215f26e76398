import AstRuntime
import AsteroidClient
import AsteroidModels

/// `get [ID]`: one execution, fresh from the API (ID argument, or each id/execution of the input).
struct GetCommand: Command {
    let signature = Signature(
        "get", "fetch executions by id (argument or input)", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        outputSchema: "execution", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example("get 3c90c3cc-0d44-4b50-8888-8dd25736052a | .executionResult.reasoning", "why it ended as it did"),
            Example("list status=running | get", "refresh each"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let ids = try call.targetIds()
        let fetched = ids.map { id -> Value in
            guard
                let execution = try await call.request({ () throws(AsteroidError) in
                    try await api.client.getExecution(id.text)
                })
            else { return .null }
            api.seen.note(execution: execution)
            return APIValues.value(execution)
        }
        if call.input.isSequence, call.positional(0) == nil {
            if case .list = call.input { return .list(try await fetched.collect()) }
            return .stream(fetched)
        }
        return try await fetched.collect().first ?? .null
    }
}
