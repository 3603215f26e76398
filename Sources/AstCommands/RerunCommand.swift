import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels

/// `rerun [--again] [ID] [inputs={…}] [profile=ID]`: reruns executions; yields each new execution.
struct RerunCommand: Command {
    let signature = Signature(
        "rerun", "rerun executions (argument or input); yields the new executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        named: [
            ParamSpec("inputs", .record, "override the inputs"),
            ParamSpec("profile", .string, "override the profile id"),
        ],
        flags: [
            FlagSpec("again", "also rerun executions that already have a rerun (skipped otherwise)"),
            FlagSpec(
                "max-attempts", value: .int,
                "skip an execution whose rerun chain already has N attempts (the original counts as 1)"),
        ],
        isMutating: true, outputSchema: "execution",
        examples: [
            Example("list status=failed since=24h | each -p 8 rerun", "rerun yesterday's failures, 8 at a time"),
            Example("rerun 3c90c3cc-0d44-4b50-8888-8dd25736052a inputs={retry: true}", "rerun one with new inputs"),
            Example("$failed | each rerun", "retry exactly the items the last bulk change did not do"),
            Example(
                "list status=failed since=1h | each rerun --max-attempts 3",
                "rerun each failure unless its chain already has 3 attempts"),
        ])

    static let skipReason = "already rerun (rerun --again reruns anyway)"

    static func attemptsReason(_ limit: Int) -> String {
        "rerun chain already at --max-attempts \(limit) (`lineage ID` shows the chain)"
    }

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        var request = RerunRequest()
        if case .record(let record)? = call.named["inputs"] {
            request.inputs = Dictionary(
                record.pairs.map { ($0.key, APIValues.json($0.value)) }, uniquingKeysWith: { $1 })
        }
        request.profileId = call.named["profile"]?.text
        let client = api.writer(call)
        let finalRequest = request
        let again = call.flag("again")
        let maxAttempts = call.flags["max-attempts"]?.intValue
        if let maxAttempts, maxAttempts < 1 {
            throw call.error(
                "rerun: --max-attempts needs a number of at least 1, got \(maxAttempts)", argument: "max-attempts",
                help: "--max-attempts 3 allows the original and two reruns", code: DiagnosticCode.badArgument)
        }
        let lineage = LineageCache.of(call.interpreter)
        let targets = try await call.mutationTargets(verb: "rerun")
        let reads = call.demand.reads(sequence: call.yieldsSequence)
        return try await call.bulkChange(verb: "rerun", targets: targets) { target in
            if !again, try await Self.hasBeenRerun(target, call: call, api: api) {
                call.skipped(target.id, verb: "rerun", because: Self.skipReason)
                return nil
            }
            if let maxAttempts {
                lineage.note(record: target.item)
                let attempts = try await call.lineage(of: target.id, api: api).count
                if attempts >= maxAttempts {
                    call.skipped(target.id, verb: "rerun", because: Self.attemptsReason(maxAttempts))
                    return nil
                }
            }
            guard
                let response = try await call.mutation({ () throws(AsteroidError) in
                    try await client.rerun(target.id, request: finalRequest)
                })
            else {
                return DryRunPlaceholder.execution(api, fields: [("parentExecutionId", .string(target.id))])
            }
            lineage.note(response.executionId, parent: target.id)
            return try await Self.readBack(response.executionId, parent: target.id, reads: reads, call: call, api: api)
        }
    }

    /// Whether the execution already has a rerun: from the record when it says (a record from `list`
    /// costs nothing), otherwise asked with one GET. An id the API rejects or does not know is left to
    /// the rerun request, whose own error then says so (or, in a dry run, which is shown); any other
    /// failure to find out stops this item, since rerunning blind could make a second rerun.
    static func hasBeenRerun(_ target: BulkTarget, call: Invocation, api: APIService) async throws -> Bool {
        if case .bool(let known)? = target.item.recordValue?["hasBeenRerun"] { return known }
        do {
            let execution = try await api.client.getExecution(target.id)
            api.seen.note(execution: execution)
            return execution.hasBeenRerun
        } catch {
            if error.isNotFound || error.kind == .validation { return false }
            throw call.runtimeError(error)
        }
    }

    /// The new execution as its consumer reads it. The rerun was made whatever happens here: when the
    /// read-back fails, the result is what is known (`{id, parentExecutionId}`) and a warning says why.
    static func readBack(_ id: String, parent: String, reads: Demand.Reads, call: Invocation, api: APIService)
        async throws -> Value
    {
        do {
            return try await Fetch.created(id, parent: parent, reads: reads, call: call, api: api)
        } catch let error as RuntimeError where !Invocation.isInterrupt(error) {
            call.interpreter.output.writeError(
                "warning: rerun of \(parent) made \(id), but reading it back failed: \(error.diagnostic.message)\n")
            return .record(Record([("id", .string(id)), ("parentExecutionId", .string(parent))]))
        }
    }
}
