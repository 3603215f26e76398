import AstRuntime
import AsteroidClient
import AsteroidModels

/// `activities [ID] [limit=N] [order=asc|desc]`: an execution's activity feed.
struct ActivitiesCommand: Command {
    let signature = Signature(
        "activities", "an execution's activity feed", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        named: [
            ParamSpec("limit", .int, "at most N activities"),
            ParamSpec("order", .string, "asc or desc", choices: SortDirection.knownRawValues),
        ],
        outputSchema: "activity", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("get 3c90c3cc-0d44-4b50-8888-8dd25736052a | activities limit=20", "the last steps")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = ActivitiesQuery(
            order: call.named["order"].map { SortDirection(rawValue: $0.text) }, limit: call.named["limit"]?.intValue)
        var out: [Value] = []
        for id in try await call.targetIds().collect() {
            guard
                let activities = try await call.request({ () throws(AsteroidError) in
                    try await api.client.activities(id.text, query: query)
                })
            else { continue }
            out += activities.map(APIValues.value)
        }
        return .list(out)
    }
}
