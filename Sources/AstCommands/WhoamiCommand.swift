import AstRuntime
import AsteroidClient
import AsteroidModels

/// `whoami`: the key's kind and credential, the user behind it, and the organization(s) it acts in
/// (`GET /users/v2/whoami`, then `GET /context` for the organizations' names).
struct WhoamiCommand: Command {
    let signature = Signature(
        "whoami", "who the API key is: kind, user, organizations", category: "api", outputSchema: "identity",
        examples: [Example("whoami | .organizations | select id name", "the organizations the key can act in")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        guard let me = try await call.request({ () throws(AsteroidError) in try await api.client.whoami() }) else {
            return .null
        }
        // An org-scoped key has no user context; /context is for people and their keys.
        let context =
            me.person == nil
            ? nil : try await call.request({ () throws(AsteroidError) in try await api.client.context() })
        var organizations: [Value] = (context?.organizations ?? []).map { organization in
            .record(Record([("id", .string(organization.id)), ("name", .string(organization.name))]))
        }
        if organizations.isEmpty, let id = me.organizationId {
            organizations = [.record(Record([("id", .string(id)), ("name", .null)]))]
        }
        let fields: [(String, Value)] = [
            ("kind", .string(me.kind)), ("credential", .string(me.credential)), ("id", .string(me.id)),
            ("email", me.person.map { .string($0.email) } ?? context.map { .string($0.email) } ?? .null),
            ("organizationId", me.organizationId.map { .string($0) } ?? .null),
            ("organizations", .list(organizations)),
            ("apiKeyId", me.apiKeyId.map { .string($0) } ?? .null),
        ]
        return .record(Record(fields, schema: APISchemas.identity))
    }
}
