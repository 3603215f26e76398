import AstRuntime
import AsteroidClient
import AsteroidModels

/// `workflows [name=TEXT] [sort=FIELD] [org=ID]`: the organisation's workflows (`GET /workflows`, the
/// non-deprecated twin of `agents`; same records).
struct WorkflowsCommand: Command {
    let signature = Signature(
        "workflows", "list workflows", category: "api",
        named: [
            ParamSpec("name", .string, "part of the name (case-insensitive)"),
            ParamSpec("sort", .string, "name or created_at", choices: AgentSortField.knownRawValues),
            ParamSpec("org", .string, "organization id"),
        ],
        outputSchema: "agent",
        examples: [Example("workflows name=invoice | select id name", "find a workflow's id")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = ListAgentsQuery(
            organizationId: call.named["org"]?.text, searchName: call.named["name"]?.text,
            sortField: call.named["sort"].map { AgentSortField(rawValue: $0.text) })
        let seen = api.seen
        return PagedValues.stream(api.client.listWorkflows(query), schema: APISchemas.agent, call: call) { workflow in
            seen.note(agent: workflow)
            return APIValues.value(workflow)
        }
    }
}

/// `versions WORKFLOW`: a workflow's versions, newest first (which one is published, which can be deleted).
struct VersionsCommand: Command {
    let signature = Signature(
        "versions", "a workflow's versions, newest first", category: "api",
        positionals: [ParamSpec("workflow", .string, "workflow id or exact name", required: true)],
        outputSchema: "workflowVersion",
        examples: [Example("versions \"Invoice Processor\" | where .isPublished", "the published version")])

    func run(_ call: Invocation) async throws -> Value {
        guard let (_, _, versions) = try await WorkflowVersions.of(call, "versions") else { return .list([]) }
        return .list(versions.map { APIValues.convert($0, schema: APISchemas.workflowVersion) })
    }
}

/// `inputs WORKFLOW [version=N]`: the inputs a version expects (default: the published one).
struct InputsCommand: Command {
    let signature = Signature(
        "inputs", "the inputs a workflow version expects", category: "api",
        positionals: [ParamSpec("workflow", .string, "workflow id or exact name", required: true)],
        named: [ParamSpec("version", .int, "version number (default: the published one)")],
        outputSchema: "workflowInput",
        examples: [Example("inputs \"Invoice Processor\" | where .required | .name", "what execute must be given")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        guard let (text, id, versions) = try await WorkflowVersions.of(call, "inputs") else { return .list([]) }
        let wanted = call.named["version"]?.intValue
        let chosen =
            wanted.map { number in versions.first { $0.version == number } }
            ?? (versions.first { $0.isPublished } ?? versions.first)
        guard let version = chosen else {
            let known = versions.map { String($0.version) }.joined(separator: ", ")
            throw call.error(
                "\(text) has no version \(wanted.map(String.init) ?? "")", argument: "version",
                help: "its versions: \(known)")
        }
        guard
            let inputs = try await call.request({ () throws(AsteroidError) in
                try await api.client.workflowInputs(workflowId: id, versionId: version.id)
            })
        else { return .list([]) }
        return .list(inputs.map { APIValues.convert($0, schema: APISchemas.workflowInput) })
    }
}

/// The first argument of `versions` and `inputs`: a workflow id or exact name, resolved, and its versions.
enum WorkflowVersions {
    static func of(_ call: Invocation, _ command: String) async throws
        -> (text: String, id: String, versions: [WorkflowVersion])?
    {
        let api = try call.api
        guard let text = call.positional(0)?.text else { throw call.error("\(command) needs a WORKFLOW") }
        let id = try await AgentResolver.agentId(text, call: call, api: api, argument: "workflow")
        guard
            let versions = try await call.request({ () throws(AsteroidError) in
                try await api.client.workflowVersions(id)
            })
        else { return nil }
        return (text, id, versions)
    }
}
