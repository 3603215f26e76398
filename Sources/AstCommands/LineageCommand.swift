import AstRuntime
import AsteroidClient
import AsteroidModels

/// `lineage ID`: the rerun chain of an execution, from the original to it, one record per attempt.
struct LineageCommand: Command {
    static let schema = Schema(
        name: "lineage", fields: ["attempt", "id", "status", "outcome", "createdAt"],
        columns: [
            ("ATTEMPT", "attempt"), ("ID", "id"), ("STATUS", "status"), ("OUTCOME", "outcome"),
            ("CREATED", "createdAt"),
        ])

    let signature = Signature(
        "lineage", "the rerun chain of an execution: attempt, id, status, outcome, created (original first)",
        category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example("lineage 3c90c3cc-0d44-4b50-8888-8dd25736052a", "the original, its rerun, the rerun's rerun…"),
            Example(
                "list status=failed limit=1 | lineage | last | .attempt", "the attempt number of the newest failure"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        guard let first = try await call.targetIds().collect().first else {
            throw call.error("lineage needs an execution id", help: "lineage ID, or an execution piped in")
        }
        let cache = LineageCache.of(call.interpreter)
        var chain: [Execution] = []
        var seen: Set<String> = []
        var next: String? = first.text
        while let id = next {
            guard seen.insert(id).inserted, chain.count < LineageCache.maxDepth else {
                throw call.error("the rerun chain of \(first.text) loops or is longer than \(LineageCache.maxDepth)")
            }
            guard
                let execution = try await call.request({ () throws(AsteroidError) in
                    try await api.client.getExecution(id)
                })
            else { break }
            api.seen.note(execution: execution)
            cache.note(execution)
            chain.append(execution)
            next = execution.parentExecutionId
        }
        let rows = chain.reversed().enumerated().map { index, execution -> Value in
            var pairs: [(String, Value)] = [
                ("attempt", .int(index + 1)), ("id", .string(execution.id)),
                ("status", .string(execution.status.rawValue)),
            ]
            pairs.append(("outcome", execution.executionResult.map { .string($0.outcome) } ?? .null))
            pairs.append(("createdAt", .time(execution.createdAt)))
            return Value.record(Record(pairs, schema: Self.schema))
        }
        return .list(rows)
    }
}
