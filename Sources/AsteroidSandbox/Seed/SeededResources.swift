import AsteroidModels
import Foundation

/// Profiles, profile groups, workflow versions and inputs, and the key's identity, derived from the seed
/// catalog (fixed per seed; nothing stored).
extension SeedCatalog {
    static let organizationNames = ["Acme Operations", "Acme Logistics"]

    var wireProfiles: [AsteroidModels.Profile] {
        let created = agents.first?.createdAt ?? Date(timeIntervalSince1970: 0)
        return profiles.enumerated().map { index, profile in
            var wire = AsteroidModels.Profile(
                id: profile.id, name: profile.name,
                description: [
                    "Residential proxy in us-east for sites that block datacenters.",
                    "Datacenter egress in Frankfurt for EU portals.",
                    "Signed in to the finance portal (Okta SSO); clear its cache before rerunning login failures.",
                ][index % 3],
                organizationId: organizationId, tracingEnabled: index == 2, stickyIP: index != 1,
                inboxEmail: "profile-\(index + 1)@agentmail.asteroid.ai",
                createdAt: created.addingTimeInterval(Double(index) * 86_400),
                updatedAt: created.addingTimeInterval(Double(index + 10) * 86_400))
            wire.vaultItems = []
            wire.credentials = []
            wire.cookies = []
            return wire
        }
    }

    var profileGroups: [ProfileGroup] {
        var random = SeedRandom(seed: organizationId.hashValueStable ^ 0x9001)
        let created = agents.first?.createdAt ?? Date(timeIntervalSince1970: 0)
        return [("US residential pool", "least_recently_used", true), ("Finance logins", "most_recently_used", false)]
            .enumerated().map { index, group in
                ProfileGroup(
                    id: random.uuid(), name: group.0, organizationId: organizationId, selectionStrategy: group.1,
                    allowConcurrentUse: group.2, createdAt: created.addingTimeInterval(Double(index) * 3600),
                    updatedAt: created.addingTimeInterval(Double(index) * 3600))
            }
    }

    /// The versions of a workflow, newest first; only the published one is marked so.
    func versions(of agent: AgentInfo) -> [WorkflowVersion] {
        let author = users.first { $0.id == agent.userId }?.email
        return agent.versions.sorted { $0.version > $1.version }.map { version in
            WorkflowVersion(
                id: version.id, version: version.version, isPublished: version.version == agent.publishedVersion,
                createdAt: agent.createdAt.addingTimeInterval(Double(version.version) * 7 * 86_400), author: author,
                isDeletable: version.version > agent.publishedVersion)
        }
    }

    /// The inputs a version expects: the agent's demo inputs, typed from their values; later versions
    /// add an optional `notes` input.
    func inputs(of agent: AgentInfo, version: Int) -> [WorkflowInput] {
        var random = SeedRandom(seed: agent.id.hashValueStable)
        let sample = Self.inputs(for: agent.name, &random)
        var inputs = sample.keys.sorted().map { name -> WorkflowInput in
            let type: String
            switch sample[name] {
            case .bool: type = "boolean"
            case .double, .int: type = "number"
            case .array: type = "array"
            case .object: type = "object"
            default: type = "string"
            }
            return WorkflowInput(name: name, schema: .object(["type": .string(type)]), required: type != "boolean")
        }
        if version >= 2 {
            inputs.append(
                WorkflowInput(
                    name: "notes", schema: .object(["type": .string("string")]), required: false,
                    defaultValue: .string(""), description: "Free-text notes for the agent"))
        }
        return inputs
    }

    /// The demo key is a user API key of the first user, who belongs to both organizations.
    var whoami: Whoami {
        let user = users[0]
        return Whoami(
            kind: "person", id: user.id, apiKeyId: apiKeys.first?.id, credential: "user_api_key",
            person: Whoami.Person(id: user.id, email: user.email))
    }

    var userContext: UserContext {
        UserContext(
            userId: users[0].id, email: users[0].email,
            organizations: [
                .init(id: organizationId, name: Self.organizationNames[0]),
                .init(id: otherOrganizationId, name: Self.organizationNames[1]),
            ])
    }
}
