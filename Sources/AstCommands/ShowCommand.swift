import AstRuntime
import AsteroidClient
import AsteroidModels

/// `show [ID] [activities=N]`: one execution for a person to read — status, outcome, reasoning, inputs,
/// result, times (local, with ages), lineage, links and its last activities. Text, whatever the output.
struct ShowCommand: Command {
    let signature = Signature(
        "show", "one execution for a person to read: outcome, reasoning, times, links, last activities",
        category: "api",
        positionals: [ParamSpec("id", .any, "an execution id (or a prefix) or record")],
        named: [ParamSpec("activities", .int, "how many of the last activities to show (default 8)")],
        inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example("show 3c90c3cc-0d44-4b50-8888-8dd25736052a", "why it ended as it did"),
            Example("list status=failed | first | show", "the latest failure"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let count = call.named["activities"]?.intValue ?? 8
        if count < 0 { throw call.error("activities must be 0 or more", argument: "activities") }
        var views: [String] = []
        for id in try await call.targetIds().collect() {
            guard
                let execution = try await call.request({ () throws(AsteroidError) in
                    try await api.client.getExecution(id.text)
                })
            else { continue }
            api.seen.note(execution: execution)
            var activities: [Record] = []
            if count > 0 {
                let query = ActivitiesQuery(order: SortDirection(rawValue: "desc"), limit: count)
                let found =
                    try await call.request({ () throws(AsteroidError) in
                        try await api.client.activities(execution.id, query: query)
                    }) ?? []
                activities = found.reversed().compactMap { APIValues.value($0).recordValue }
            }
            guard let record = APIValues.value(execution).recordValue else { continue }
            views.append(ExecutionView.render(record, activities: activities, now: call.now))
        }
        return .string(views.joined(separator: "\n\n"))
    }
}
