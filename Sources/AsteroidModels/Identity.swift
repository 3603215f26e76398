import Foundation

/// `Users.Whoami.WhoamiResponse` (`GET /users/v2/whoami`): who the key is.
///
/// `kind` (`person`, `api_key`, `service`) and `credential` (`jwt`, `user_api_key`, `org_api_key`, `service`,
/// `staff_token`) are open strings. `organizationId` is absent when the caller spans several organizations.
public struct Whoami: Codable, Sendable, Hashable {
    public struct Person: Codable, Sendable, Hashable {
        public var id: String
        public var email: String
        public init(id: String, email: String) {
            self.id = id
            self.email = email
        }
    }

    public var kind: String
    public var id: String
    public var organizationId: String?
    public var apiKeyId: String?
    public var credential: String
    public var person: Person?
    public var onBehalfOf: String?

    public init(
        kind: String, id: String, organizationId: String? = nil, apiKeyId: String? = nil, credential: String,
        person: Person? = nil, onBehalfOf: String? = nil
    ) {
        self.kind = kind
        self.id = id
        self.organizationId = organizationId
        self.apiKeyId = apiKeyId
        self.credential = credential
        self.person = person
        self.onBehalfOf = onBehalfOf
    }
}

/// `Agents.Context.UserContextResponse` (`GET /context`): the user and every organization they belong to.
public struct UserContext: Codable, Sendable, Hashable {
    public struct Organization: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var userId: String
    public var email: String
    public var organizations: [Organization]

    public init(userId: String, email: String, organizations: [Organization]) {
        self.userId = userId
        self.email = email
        self.organizations = organizations
    }
}
