import Foundation

/// `Agents.Profile.AgentProfile`: a login profile (`GET /profiles`). Only the identifying fields are
/// required here; vault items, credentials and cookies are kept as JSON.
public struct Profile: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    public var organizationId: String
    public var tracingEnabled: Bool?
    public var fingerprintId: String?
    public var stickyIP: Bool?
    public var vaultItems: [JSONValue]?
    public var inboxEmailPrefix: String?
    public var inboxEmail: String?
    public var credentials: [JSONValue]?
    public var cookies: [JSONValue]?
    public var createdAt: Date
    public var updatedAt: Date?

    public init(
        id: String, name: String, description: String? = nil, organizationId: String, tracingEnabled: Bool? = nil,
        stickyIP: Bool? = nil, inboxEmail: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.organizationId = organizationId
        self.tracingEnabled = tracingEnabled
        self.stickyIP = stickyIP
        self.inboxEmail = inboxEmail
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static let fieldNames = [
        "id", "name", "description", "organizationId", "tracingEnabled", "fingerprintId", "stickyIP", "vaultItems",
        "inboxEmailPrefix", "inboxEmail", "credentials", "cookies", "createdAt", "updatedAt",
    ]
}

/// `GET /profiles` query: `organizationId`, `searchName`, `page`, `pageSize`.
public struct ListProfilesQuery: Sendable, Hashable {
    public var organizationId: String?
    public var searchName: String?
    public var page: Int?
    public var pageSize: Int?

    public init(organizationId: String? = nil, searchName: String? = nil, page: Int? = nil, pageSize: Int? = nil) {
        self.organizationId = organizationId
        self.searchName = searchName
        self.page = page
        self.pageSize = pageSize
    }

    public func validate() throws(RequestValidationError) {
        try UUIDFormat.check(organizationId, "organizationId")
    }

    public func queryItems() -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let organizationId { items.append(("organizationId", organizationId)) }
        if let searchName { items.append(("searchName", searchName)) }
        if let page { items.append(("page", String(page))) }
        if let pageSize { items.append(("pageSize", String(pageSize))) }
        return items
    }
}

/// The 200 of `DELETE /profiles/{profileId}/clear-browser-cache`.
public struct MessageResponse: Codable, Sendable, Hashable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// `Workflows.VersionRef`: one version of a workflow (`GET /workflows/{workflowId}/versions`).
public struct WorkflowVersion: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var parentId: String?
    public var version: Int
    public var isPublished: Bool
    public var createdAt: Date
    public var author: String?
    public var isDeletable: Bool

    public init(
        id: String, parentId: String? = nil, version: Int, isPublished: Bool, createdAt: Date, author: String? = nil,
        isDeletable: Bool
    ) {
        self.id = id
        self.parentId = parentId
        self.version = version
        self.isPublished = isPublished
        self.createdAt = createdAt
        self.author = author
        self.isDeletable = isDeletable
    }

    public static let fieldNames = ["id", "parentId", "version", "isPublished", "createdAt", "author", "isDeletable"]
}

/// `Agents.Profile.AgentProfilePool`: a profile group (`GET /profile-groups`).
public struct ProfileGroup: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var organizationId: String
    /// `least_recently_used` or `most_recently_used` (open).
    public var selectionStrategy: String?
    public var allowConcurrentUse: Bool?
    public var createdAt: Date
    public var updatedAt: Date?

    public init(
        id: String, name: String, organizationId: String, selectionStrategy: String?, allowConcurrentUse: Bool?,
        createdAt: Date, updatedAt: Date?
    ) {
        self.id = id
        self.name = name
        self.organizationId = organizationId
        self.selectionStrategy = selectionStrategy
        self.allowConcurrentUse = allowConcurrentUse
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static let fieldNames = [
        "id", "name", "organizationId", "selectionStrategy", "allowConcurrentUse", "createdAt", "updatedAt",
    ]
}

/// `Agents.Workflow.WorkflowInput`: one input a workflow version expects.
public struct WorkflowInput: Codable, Sendable, Hashable {
    public var name: String
    /// A single-field JSON Schema fragment, e.g. `{"type": "string"}`.
    public var schema: JSONValue
    public var required: Bool
    public var defaultValue: JSONValue?
    public var description: String?

    public init(
        name: String, schema: JSONValue, required: Bool, defaultValue: JSONValue? = nil, description: String? = nil
    ) {
        self.name = name
        self.schema = schema
        self.required = required
        self.defaultValue = defaultValue
        self.description = description
    }

    public static let fieldNames = ["name", "schema", "required", "defaultValue", "description"]
}

/// The body of `GET /workflows/{id}/versions/{versionId}/inputs`.
public struct WorkflowInputs: Codable, Sendable, Hashable {
    public var inputs: [WorkflowInput]
    public init(inputs: [WorkflowInput]) { self.inputs = inputs }
}
