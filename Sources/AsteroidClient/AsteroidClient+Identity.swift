import AsteroidModels
import Foundation

extension AsteroidClient {
    /// `GET /users/v2/whoami` (outside `/agents/v2`): the key's kind, credential, organization and person.
    public func whoami() async throws(AsteroidError) -> Whoami {
        let endpoint = Endpoint(.whoamiGet)
        return try decode(Whoami.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /context`: the user behind the key and every organization they belong to.
    public func context() async throws(AsteroidError) -> UserContext {
        let endpoint = Endpoint(.contextGet)
        return try decode(UserContext.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// The organization a request should name: the key's own (whoami), else the only one of `/context`;
    /// nil when the user belongs to several (the caller must choose, e.g. with `org=`).
    public func defaultOrganizationId() async throws(AsteroidError) -> String? {
        let me = try await whoami()
        if let organization = me.organizationId { return organization }
        let organizations = try await context().organizations
        return organizations.count == 1 ? organizations.first?.id : nil
    }
}
