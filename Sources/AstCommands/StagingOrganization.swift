import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// The organization that file staging (`execute files=…`) names when `org=` is not given. The API needs
/// one only when the caller belongs to several organizations; then it refuses the upload. So `ast` asks
/// once per session — whoami (an org-scoped key names its own), else `/context` (a person's organizations)
/// — and only when files are staged, never on any other path:
/// - one organization: it is named;
/// - several: an error listing them, before anything is sent, asking for `org=`.
final class StagingOrganization: @unchecked Sendable {
    enum Answer: Sendable {
        case one(String)
        case several([UserContext.Organization])
    }

    private let lock = NSLock()
    private var cached: Answer?

    /// The organization to stage files in, or nil to let the server decide (nothing is staged).
    static func resolve(_ call: Invocation, api: APIService, staging: Bool) async throws -> String? {
        if let given = call.named["org"]?.text { return given }
        guard staging else { return nil }
        let answer: Answer
        if let known = api.stagingOrganization.lock.withLock({ api.stagingOrganization.cached }) {
            answer = known
        } else {
            guard let me = try await call.request({ () throws(AsteroidError) in try await api.client.whoami() })
            else { return nil }
            if let own = me.organizationId {
                answer = .one(own)
            } else {
                guard
                    let context = try await call.request({ () throws(AsteroidError) in
                        try await api.client.context()
                    })
                else { return nil }
                let organizations = context.organizations
                // None known: the server decides (it answers for the key's own organization).
                guard let first = organizations.first else { return nil }
                answer = organizations.count == 1 ? .one(first.id) : .several(organizations)
            }
            api.stagingOrganization.lock.withLock { api.stagingOrganization.cached = answer }
        }
        switch answer {
        case .one(let id): return id
        case .several(let organizations):
            let names = organizations.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            throw call.error(
                "execute: files are staged in one organization and this key belongs to \(organizations.count): "
                    + names,
                argument: "files", help: "say which with org=ID (`whoami` lists them)")
        }
    }
}
