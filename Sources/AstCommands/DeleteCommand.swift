import AstRuntime
import AsteroidClient
import AsteroidModels

/// `delete [ID]`: delete finished executions (soft delete; the API refuses running ones). Confirmed when
/// it would delete several; `--dry-run` shows the requests instead.
struct DeleteCommand: Command {
    let signature = Signature(
        "delete", "delete finished executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=cancelled agent=\"Price Monitor\" | delete", "clear out cancelled runs")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.writer(call)
        let targets = try await call.mutationTargets(verb: "delete")
        return try await call.bulkChange(verb: "delete", targets: targets) { target in
            let deleted: Void? = try await call.mutation({ () throws(AsteroidError) in
                try await client.deleteExecution(target.id)
            })
            guard deleted != nil else { return DryRunPlaceholder.change([("executionId", .string(target.id))]) }
            return .record(
                Record(
                    [("executionId", .string(target.id)), ("status", .string("deleted"))],
                    schema: APISchemas.statusChange))
        }
    }
}

/// `recording [ID]`: the signed URL of an execution's recording (it expires within minutes: ask again).
struct RecordingCommand: Command {
    let signature = Signature(
        "recording", "the signed URL of an execution's recording", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        outputSchema: "recording", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("list status=failed limit=3 | recording | .url", "watch what went wrong")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        var out: [Value] = []
        for id in try await call.targetIds().collect() {
            guard
                let url = try await call.request({ () throws(AsteroidError) in
                    try await api.client.recordingURL(id.text)
                })
            else { continue }
            out.append(
                .record(
                    Record(
                        [("executionId", id), ("url", .string(url.absoluteString))], schema: APISchemas.recording)))
        }
        if call.positional(0) != nil, out.count == 1 { return out[0] }
        return .list(out)
    }
}

/// `clear-cache PROFILE`: clears login profiles' browser cache (cookies, storage) — a real step before
/// rerunning login failures. Takes an id or name, or profile records as input; confirmed for several.
struct ClearCacheCommand: Command {
    let signature = Signature(
        "clear-cache", "clear login profiles' browser cache", category: "api",
        positionals: [ParamSpec("profile", .any, "profile id or exact name, or a profile record")],
        isMutating: true,
        examples: [Example("clear-cache \"Logged-in finance account\"", "before rerunning its login failures")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        var items: [Value] = []
        if let argument = call.positional(0) {
            items = [argument]
        } else if !call.input.isNull {
            items = try await call.input.asStream.collect()
        } else {
            throw call.error("which profile? give an id or name, or pipe profiles in", help: "'profiles' lists them")
        }
        var targets: [BulkTarget] = []
        for item in items {
            let text = item.recordValue?["id"]?.stringValue ?? item.text
            let id = try await ProfileResolver.profileId(text, call: call, api: api, argument: "profile")
            if !targets.contains(where: { $0.id == id }) { targets.append(BulkTarget(id: id, item: item)) }
        }
        if targets.count > 1, !call.interpreter.settings.dryRun {
            guard await call.interpreter.confirmBulk(verb: "clear-cache", items: targets.map(\.item)) else {
                throw call.error("cancelled: nothing was changed")
            }
        }
        let client = api.writer(call)
        return try await call.bulkChange(verb: "clear-cache", targets: targets) { target in
            guard
                let message = try await call.mutation({ () throws(AsteroidError) in
                    try await client.clearBrowserCache(profileId: target.id)
                })
            else { return DryRunPlaceholder.change([("profileId", .string(target.id))]) }
            return .record(Record([("profileId", .string(target.id)), ("message", .string(message))]))
        }
    }
}
