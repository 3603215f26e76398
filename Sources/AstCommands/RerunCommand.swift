import AsteroidClient
import AsteroidModels
import AstRuntime

/// `rerun [ID] [inputs={…}] [profile=ID]`: reruns executions; yields each new execution.
struct RerunCommand: Command {
    let signature = Signature(
        "rerun", "rerun executions (argument or input); yields the new executions", category: "api",
        positionals: [ParamSpec("id", .string, "an execution id")],
        named: [
            ParamSpec("inputs", .record, "override the inputs"),
            ParamSpec("profile", .string, "override the profile id"),
        ],
        isMutating: true, outputSchema: "execution", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example("list status=failed since=24h | each -p 8 rerun", "rerun yesterday's failures, 8 at a time"),
            Example("rerun 3c90c3cc-0d44-4b50-8888-8dd25736052a inputs={retry: true}", "rerun one with new inputs"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        var request = RerunRequest()
        if case .record(let record)? = call.named["inputs"] {
            request.inputs = Dictionary(record.pairs.map { ($0.key, APIValues.json($0.value)) }, uniquingKeysWith: { $1 })
        }
        request.profileId = call.named["profile"]?.text
        let client = api.mutatingClient(call)
        var results: [Value] = []
        let finalRequest = request
        let targets = try await call.mutationTargets(verb: "rerun")
        let reads = call.demand.reads(sequence: call.yieldsSequence)
        for id in targets {
            try Task.checkCancellation()
            guard let response = try await call.request({ () throws(AsteroidError) in try await client.rerun(id, request: finalRequest) })
            else { continue }
            results.append(try await Fetch.created(response.executionId, parent: id, reads: reads, call: call, api: api))
        }
        return call.shaped(results)
    }
}
