import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels

/// `profiles [name=TEXT] [org=ID]`: login profiles (what `execute profile=` takes, by id or name).
struct ProfilesCommand: Command {
    let signature = Signature(
        "profiles", "list login profiles", category: "api",
        named: [
            ParamSpec("name", .string, "part of the name (case-insensitive)"),
            ParamSpec("org", .string, "organization id"),
        ],
        outputSchema: "profile",
        examples: [Example("profiles name=finance | select id name", "find a profile's id")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = ListProfilesQuery(organizationId: call.named["org"]?.text, searchName: call.named["name"]?.text)
        return PagedValues.stream(api.client.listProfiles(query), schema: APISchemas.profile, call: call) {
            APIValues.convert($0, schema: APISchemas.profile)
        }
    }
}

/// `pools [name=TEXT] [org=ID]`: profile groups (what `execute pool=` takes, by id or name).
struct PoolsCommand: Command {
    let signature = Signature(
        "pools", "list profile groups (pools)", category: "api",
        named: [
            ParamSpec("name", .string, "part of the name (case-insensitive)"),
            ParamSpec("org", .string, "organization id"),
        ],
        outputSchema: "profileGroup",
        examples: [Example("pools | select name selectionStrategy", "how each pool picks a profile")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = ListProfilesQuery(organizationId: call.named["org"]?.text, searchName: call.named["name"]?.text)
        return PagedValues.stream(api.client.listProfileGroups(query), schema: APISchemas.profileGroup, call: call) {
            APIValues.convert($0, schema: APISchemas.profileGroup)
        }
    }
}

/// Profile and pool names to ids (an id passes unchanged; a name must match exactly, case-insensitively).
enum ProfileResolver {
    static func profileId(_ text: String, call: Invocation, api: APIService, argument: String) async throws -> String {
        if UUIDFormat.isValid(text) { return text }
        let profiles: [Profile]
        do {
            profiles = try await api.client.listProfiles(ListProfilesQuery(searchName: text)).collect(limit: 200)
        } catch {
            throw call.runtimeError(error)
        }
        if let match = profiles.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) {
            return match.id
        }
        let names = (try? await api.client.listProfiles().collect(limit: 500).map(\.name)) ?? profiles.map(\.name)
        throw call.error(
            "no profile is named '\(text)'", argument: argument,
            help: Suggest.help(for: text, in: names) ?? "'profiles' lists them; a profile id is a UUID")
    }

    static func poolId(_ text: String, call: Invocation, api: APIService, argument: String) async throws -> String {
        if UUIDFormat.isValid(text) { return text }
        let pools: [ProfileGroup]
        do {
            pools = try await api.client.listProfileGroups(ListProfilesQuery(searchName: text)).collect(limit: 200)
        } catch {
            throw call.runtimeError(error)
        }
        if let match = pools.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) { return match.id }
        let names = (try? await api.client.listProfileGroups().collect(limit: 500).map(\.name)) ?? pools.map(\.name)
        throw call.error(
            "no pool is named '\(text)'", argument: argument,
            help: Suggest.help(for: text, in: names) ?? "'pools' lists them; a pool id is a UUID")
    }
}
