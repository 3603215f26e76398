import AsteroidModels
import Foundation

extension AsteroidClient {
    /// `GET /profiles`: one page of login profiles.
    public func listProfilesPage(_ query: ListProfilesQuery = ListProfilesQuery()) async throws(AsteroidError)
        -> Page<Profile>
    {
        try Self.validate(query.validate, .profilesList)
        let endpoint = Endpoint(.profilesList, query: query.queryItems())
        return try decode(Page<Profile>.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /profiles`, every matching profile, lazily.
    public func listProfiles(_ query: ListProfilesQuery = ListProfilesQuery()) -> PagedSequence<Profile> {
        PagedSequence(startPage: query.page ?? 1, pageSize: query.pageSize ?? PagedSequence<Profile>.defaultPageSize) {
            page, size throws(AsteroidError) in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.pageSize = size
            return try await self.listProfilesPage(pageQuery)
        }
    }

    /// `GET /profile-groups`: one page of profile groups (the old "agent profile pools").
    public func listProfileGroupsPage(_ query: ListProfilesQuery = ListProfilesQuery()) async throws(AsteroidError)
        -> Page<ProfileGroup>
    {
        try Self.validate(query.validate, .profileGroupsList)
        let endpoint = Endpoint(.profileGroupsList, query: query.queryItems())
        return try decode(Page<ProfileGroup>.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /profile-groups`, every matching group, lazily.
    public func listProfileGroups(_ query: ListProfilesQuery = ListProfilesQuery()) -> PagedSequence<ProfileGroup> {
        PagedSequence(
            startPage: query.page ?? 1, pageSize: query.pageSize ?? PagedSequence<ProfileGroup>.defaultPageSize
        ) { page, size throws(AsteroidError) in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.pageSize = size
            return try await self.listProfileGroupsPage(pageQuery)
        }
    }

    /// `DELETE /profiles/{profileId}/clear-browser-cache`: returns the server's message. A lost answer is
    /// reported as `.outcomeUnknown` (no read tells whether the cache was cleared; clearing again is harmless).
    @discardableResult
    public func clearBrowserCache(profileId: String) async throws(AsteroidError) -> String {
        let endpoint = try Self.endpoint(.profileClearBrowserCache, profileId)
        return try await unverifiable(endpoint) { () throws(AsteroidError) in
            try decode(MessageResponse.self, endpoint, try await send(endpoint, expecting: [200])).message
        }
    }
}
