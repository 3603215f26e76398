import Foundation

/// The body of execute (`POST /agents/{id}/execute`, `/execute/sync`, `/workflows/{id}/execute…`).
///
/// No field is required, but the body object is. Seed-era and newest fields are both here; `validate()`
/// enforces the documented exclusions and bounds.
public struct ExecuteRequest: Codable, Sendable, Hashable {
    /// Deprecated alias of `profileId`. Mutually exclusive with `agentProfilePoolId`.
    public var agentProfileId: String?
    /// Deprecated alias of `profileGroupId`. Mutually exclusive with `agentProfileId`.
    public var agentProfilePoolId: String?
    public var profileId: String?
    public var profileGroupId: String?
    public var inputs: [String: JSONValue]?
    /// Deprecated: the old name of `inputs`.
    public var dynamicData: [String: JSONValue]?
    /// Files staged first with `POST /temp-files`.
    public var tempFiles: [TempFile]?
    public var metadata: [String: String]?
    /// If omitted (and `head` is not set), the published version runs.
    public var version: Int?
    public var head: Bool?
    public var executionOptions: ExecutionOptions?
    public var onCapacityLimit: OnCapacityLimit?
    /// Execute/sync only: how long to wait, 1–25 seconds (default 25).
    public var timeoutSeconds: Int?

    public init(
        agentProfileId: String? = nil, agentProfilePoolId: String? = nil, profileId: String? = nil,
        profileGroupId: String? = nil, inputs: [String: JSONValue]? = nil, dynamicData: [String: JSONValue]? = nil,
        tempFiles: [TempFile]? = nil, metadata: [String: String]? = nil, version: Int? = nil, head: Bool? = nil,
        executionOptions: ExecutionOptions? = nil, onCapacityLimit: OnCapacityLimit? = nil, timeoutSeconds: Int? = nil
    ) {
        self.agentProfileId = agentProfileId
        self.agentProfilePoolId = agentProfilePoolId
        self.profileId = profileId
        self.profileGroupId = profileGroupId
        self.inputs = inputs
        self.dynamicData = dynamicData
        self.tempFiles = tempFiles
        self.metadata = metadata
        self.version = version
        self.head = head
        self.executionOptions = executionOptions
        self.onCapacityLimit = onCapacityLimit
        self.timeoutSeconds = timeoutSeconds
    }

    /// Checks every documented rule; the error names the first field at fault.
    public func validate() throws(RequestValidationError) {
        try UUIDFormat.check(agentProfileId, "agentProfileId")
        try UUIDFormat.check(agentProfilePoolId, "agentProfilePoolId")
        try UUIDFormat.check(profileId, "profileId")
        try UUIDFormat.check(profileGroupId, "profileGroupId")
        let profile = agentProfileId ?? profileId
        let group = agentProfilePoolId ?? profileGroupId
        if profile != nil, group != nil {
            let a = agentProfileId != nil ? "agentProfileId" : "profileId"
            let b = agentProfilePoolId != nil ? "agentProfilePoolId" : "profileGroupId"
            throw RequestValidationError(b, "\(a) and \(b) are mutually exclusive: give a profile or a pool, not both")
        }
        if agentProfileId != nil, profileId != nil, agentProfileId != profileId {
            throw RequestValidationError("profileId", "agentProfileId and profileId name different profiles")
        }
        if agentProfilePoolId != nil, profileGroupId != nil, agentProfilePoolId != profileGroupId {
            throw RequestValidationError(
                "profileGroupId", "agentProfilePoolId and profileGroupId name different groups")
        }
        for (index, file) in (tempFiles ?? []).enumerated() {
            try UUIDFormat.check(file.id, "tempFiles[\(index)].id")
            if file.name.isEmpty { throw RequestValidationError("tempFiles[\(index)].name", "must not be empty") }
        }
        if let version, version < 1 { throw RequestValidationError("version", "must be 1 or more, got \(version)") }
        if version != nil, head == true {
            throw RequestValidationError("head", "head and version are mutually exclusive")
        }
        if let minutes = executionOptions?.softTimeoutMins, minutes < 1 {
            throw RequestValidationError("executionOptions.softTimeoutMins", "must be at least 1, got \(minutes)")
        }
        if let policy = onCapacityLimit {
            guard policy.isKnown else {
                throw RequestValidationError(
                    "onCapacityLimit", "must be one of reject, queue; got \"\(policy.rawValue)\"")
            }
            if policy == .queue, !(tempFiles ?? []).isEmpty {
                throw RequestValidationError("onCapacityLimit", "queue cannot be combined with tempFiles")
            }
        }
        if let timeoutSeconds, !(1...25).contains(timeoutSeconds) {
            throw RequestValidationError("timeoutSeconds", "must be between 1 and 25, got \(timeoutSeconds)")
        }
    }
}

/// A staged file, as returned by `POST /temp-files` and passed unchanged to execute.
public struct TempFile: Codable, Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// `{tempFiles: [...]}`, the 200 of a temp-file upload.
public struct TempFilesResponse: Codable, Sendable, Hashable {
    public var tempFiles: [TempFile]
    public init(tempFiles: [TempFile]) { self.tempFiles = tempFiles }
}

/// The 202 of execute and rerun. `status` (newest API) is `starting` or `queued`.
public struct ExecuteResponse: Codable, Sendable, Hashable {
    public var executionId: String
    public var status: ExecutionStatus?

    public init(executionId: String, status: ExecutionStatus? = nil) {
        self.executionId = executionId
        self.status = status
    }
}

/// The body of `POST /executions/{id}/rerun`; every field optional. The rerun copies everything else.
public struct RerunRequest: Codable, Sendable, Hashable {
    public var inputs: [String: JSONValue]?
    public var profileId: String?
    /// Deprecated alias of `profileId`.
    public var agentProfileId: String?

    public init(inputs: [String: JSONValue]? = nil, profileId: String? = nil, agentProfileId: String? = nil) {
        self.inputs = inputs
        self.profileId = profileId
        self.agentProfileId = agentProfileId
    }

    public func validate() throws(RequestValidationError) {
        try UUIDFormat.check(profileId, "profileId")
        try UUIDFormat.check(agentProfileId, "agentProfileId")
        if let a = agentProfileId, let b = profileId, a != b {
            throw RequestValidationError("profileId", "agentProfileId and profileId name different profiles")
        }
    }
}

/// The 200/202 of execute/sync and `GET /executions/{id}/sync`.
public struct SyncResponse: Codable, Sendable, Hashable {
    public var executionId: String
    public var status: ExecutionStatus
    public var executionResult: ExecutionResult?

    public init(executionId: String, status: ExecutionStatus, executionResult: ExecutionResult? = nil) {
        self.executionId = executionId
        self.status = status
        self.executionResult = executionResult
    }
}

/// The 200 of pause, resume and cancel.
public struct StatusChange: Codable, Sendable, Hashable {
    public var executionId: String
    public var status: UpdatableStatus

    public init(executionId: String, status: UpdatableStatus) {
        self.executionId = executionId
        self.status = status
    }
}

/// The body of `POST /executions/{id}/status`.
public struct UpdateStatusRequest: Codable, Sendable, Hashable {
    public var status: UpdatableStatus
    public init(status: UpdatableStatus) { self.status = status }
}

/// The body of `POST /executions/{id}/user-messages`.
public struct UserMessageRequest: Codable, Sendable, Hashable {
    public var message: String
    public init(message: String) { self.message = message }
}

/// `AgentBase` / `WorkflowBase`: an item of `GET /agents`.
public struct Agent: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var createdAt: Date
    public var userId: String
    public var organizationId: String?

    public init(id: String, name: String, createdAt: Date, userId: String, organizationId: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.userId = userId
        self.organizationId = organizationId
    }

    public static let fieldNames = ["id", "name", "createdAt", "userId", "organizationId"]
}

/// The envelope of every list: `{items, page, pageSize, total}`; `total` counts all matches.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var page: Int
    public var pageSize: Int
    public var total: Int

    public init(items: [Item], page: Int, pageSize: Int, total: Int) {
        self.items = items
        self.page = page
        self.pageSize = pageSize
        self.total = total
    }

    /// True when no page follows this one.
    public var isLast: Bool { items.isEmpty || page * pageSize >= total }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
