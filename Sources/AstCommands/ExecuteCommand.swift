import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// `execute AGENT [inputs={…}] [input.K=V] [meta.K=V] …`: starts an execution; yields the new execution.
struct ExecuteCommand: Command {
    let signature = Signature(
        "execute", "start an execution of an agent; yields the new execution", category: "api",
        positionals: [ParamSpec("agent", .string, "agent id (or exact agent name)", required: true)],
        named: [
            ParamSpec("inputs", .record, "input values, e.g. {invoice: \"INV-42\"}"),
            ParamSpec("version", .int, "agent version to run"),
            ParamSpec("profile", .string, "profile id or exact name"),
            ParamSpec("pool", .string, "profile group (pool) id or exact name"),
            ParamSpec("soft-timeout", .int, "minutes before the agent is asked to finish"),
            ParamSpec("variant", .string, "variant key (scopes shared files and scripts)"),
            ParamSpec("files", .list, "paths of files to attach", effects: [.files]),
            ParamSpec("temp-files", .list, "already staged files: [{id: …, name: …}]"),
            ParamSpec("org", .string, "organization to stage files in (when the key has several)"),
            ParamSpec("timeout", .int, "with --sync: seconds to wait, 1–25 (default 25)"),
            ParamSpec("on-capacity", .string, "what to do at capacity", choices: OnCapacityLimit.knownRawValues),
        ],
        namedPrefixes: ["input.", "meta."],
        flags: [FlagSpec("sync", "start it through execute/sync: wait up to 25 s for it to finish")],
        isMutating: true, outputSchema: "execution",
        examples: [
            Example(
                "execute 3c90c3cc-0d44-4b50-8888-8dd25736052a inputs={invoice: \"INV-42\"} meta.customer=acme | wait",
                "start one and wait for it")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        guard let agentText = call.positional(0)?.text else { throw call.error("execute needs an AGENT") }
        let agentId = try await AgentResolver.agentId(agentText, call: call, api: api, argument: "agent")
        var request = ExecuteRequest()
        var inputs: [String: JSONValue] = [:]
        if case .record(let record)? = call.named["inputs"] {
            for (key, value) in record.pairs { inputs[key] = APIValues.json(value) }
        }
        var metadata: [String: String] = [:]
        for (name, value) in call.named {
            if name.hasPrefix("input.") { inputs[String(name.dropFirst(6))] = APIValues.json(value) }
            if name.hasPrefix("meta.") { metadata[String(name.dropFirst(5))] = value.text }
        }
        if !inputs.isEmpty { request.inputs = inputs }
        if !metadata.isEmpty { request.metadata = metadata }
        request.version = call.named["version"]?.intValue
        if let profile = call.named["profile"]?.text {
            request.profileId = try await ProfileResolver.profileId(profile, call: call, api: api, argument: "profile")
        }
        if let pool = call.named["pool"]?.text {
            request.profileGroupId = try await ProfileResolver.poolId(pool, call: call, api: api, argument: "pool")
        }
        if case .list(let staged)? = call.named["temp-files"] {
            request.tempFiles = try staged.map { item in
                guard let record = item.recordValue, let id = record["id"]?.stringValue,
                    let name = record["name"]?.stringValue
                else { throw call.error("temp-files takes records {id: …, name: …}", argument: "temp-files") }
                return TempFile(id: id, name: name)
            }
        }
        request.onCapacityLimit = call.named["on-capacity"].map { OnCapacityLimit(rawValue: $0.text) }
        let softTimeout = call.named["soft-timeout"]?.intValue
        let variant = call.named["variant"]?.text
        if softTimeout != nil || variant != nil {
            request.executionOptions = ExecutionOptions(variantKey: variant, softTimeoutMins: softTimeout)
        }
        var uploads: [FileUpload] = []
        if case .list(let paths)? = call.named["files"] {
            for path in paths {
                do { uploads.append(try FileUpload(contentsOf: URL(fileURLWithPath: path.text))) } catch {
                    throw call.error("cannot attach \(path.text): \(error.detail)", argument: "files")
                }
            }
        }
        let client = api.mutatingClient(call)
        let organization = try await StagingOrganization.resolve(call, api: api, staging: !uploads.isEmpty)
        let attachments = uploads
        if call.flag("sync") {
            request.timeoutSeconds = call.named["timeout"]?.intValue ?? 25
            let syncRequest = request
            guard
                let result = try await call.request({ () throws(AsteroidError) in
                    try await client.executeWorkflowOrAgentSync(
                        agentId, request: syncRequest, attaching: attachments, organizationId: organization)
                })
            else {
                return DryRunPlaceholder.execution(api, fields: [("agentId", .string(agentId))])
            }
            return try await Fetch.created(
                result.response.executionId, reads: call.demand.ofValue, call: call, api: api)
        }
        let finalRequest = request
        guard
            let response = try await call.request({ () throws(AsteroidError) in
                try await client.executeWorkflowOrAgent(
                    agentId, request: finalRequest, attaching: attachments, organizationId: organization)
            })
        else {
            return DryRunPlaceholder.execution(api, fields: [("agentId", .string(agentId))])
        }
        return try await Fetch.created(response.executionId, reads: call.demand.ofValue, call: call, api: api)
    }
}

/// Reads an execution back after a change, so the result carries every field (`.id`, `.status`, …).
enum Fetch {
    /// A new execution (from execute or rerun) as its consumer will read it: the whole record, fetched
    /// back, unless the consumer reads only ids or nothing (`| wait`, `| count`), when the id the API
    /// returned is all there is to give and no request is spent on it.
    static func created(
        _ id: String, parent: String? = nil, reads: Demand.Reads, call: Invocation, api: APIService
    ) async throws -> Value {
        guard reads == .everything else {
            api.seen.note(executionId: id)
            var fields: [(String, Value)] = [("id", .string(id))]
            if let parent { fields.append(("parentExecutionId", .string(parent))) }
            return .record(Record(fields))
        }
        return try await execution(id, call: call, api: api)
    }

    static func execution(_ id: String, call: Invocation, api: APIService) async throws -> Value {
        guard
            let execution = try await call.request({ () throws(AsteroidError) in try await api.client.getExecution(id) }
            )
        else {
            return .null
        }
        api.seen.note(execution: execution)
        return APIValues.value(execution)
    }
}
