import AstRuntime
import AsteroidClient
import AsteroidModels

/// `agents [name=TEXT]`: the organisation's agents (lazy across pages).
struct AgentsCommand: Command {
    let signature = Signature(
        "agents", "list agents", category: "api",
        named: [
            ParamSpec("name", .string, "part of the name (case-insensitive)"),
            ParamSpec("sort", .string, "name or created_at", choices: AgentSortField.knownRawValues),
            ParamSpec("org", .string, "organization id"),
        ],
        outputSchema: "agent",
        examples: [Example("agents name=billing | select id name", "find an agent's id")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = ListAgentsQuery(
            organizationId: call.named["org"]?.text, searchName: call.named["name"]?.text,
            sortField: call.named["sort"].map { AgentSortField(rawValue: $0.text) })
        let invocation = call
        return .stream(
            ValueStream(elementSchema: APISchemas.agent) {
                var iterator = api.client.listAgents(query).makeAsyncIterator()
                return ValueIterator {
                    do {
                        guard let agent = try await iterator.next() else { return nil }
                        api.seen.note(agent: agent)
                        return APIValues.value(agent)
                    } catch let error as AsteroidError {
                        throw invocation.runtimeError(error)
                    }
                }
            })
    }
}
