import Foundation

/// `Agents.Execution.ListItem`: an item of `GET /executions` and the body of `GET /executions/{id}`.
///
/// Reads both the seed-era shape and the newest one. Fields the newest API requires but the seeds lack
/// (`workflowVersionId`, `workflowName`) are optional here; fields the seeds require but an example omits
/// (`status`, `humanLabels`, `comments`, `hasBeenRerun`) fall back to an explicit default rather than
/// failing the whole page.
public struct Execution: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// Deprecated in the newest API; holds the same ID as `workflowId`.
    public var agentId: String
    public var workflowId: String
    public var workflowVersionId: String?
    public var workflowVersion: Int?
    public var workflowVersionPublished: Bool?
    public var customEnvironmentId: String?
    public var status: ExecutionStatus
    public var createdAt: Date
    public var startedAt: Date?
    public var terminalAt: Date?
    public var organizationId: String
    /// Deprecated in the newest API in favour of `workflowName`.
    public var agentName: String
    public var workflowName: String?
    public var agentProfileId: String?
    public var agentProfileName: String?
    public var profileId: String?
    public var profileName: String?
    public var inputs: [String: JSONValue]?
    public var executionResult: ExecutionResult?
    /// Seconds; only on terminal executions.
    public var duration: Double?
    public var humanLabels: [HumanLabel]
    public var comments: [Comment]
    public var metadata: [String: String]?
    public var recordingUrl: String?
    public var liveViewUrl: String?
    public var platformUrl: String?
    public var browserRecordingUrl: String?
    public var browserLiveViewUrl: String?
    public var triggerContext: TriggerContext?
    public var executionOptions: ExecutionOptions?
    public var hasBeenRerun: Bool
    public var parentExecutionId: String?
    public var scriptFailures: [ScriptFailure]?
    public var purgedAt: Date?

    public init(
        id: String, agentId: String, workflowId: String, workflowVersionId: String? = nil,
        workflowVersion: Int? = nil, workflowVersionPublished: Bool? = nil, customEnvironmentId: String? = nil,
        status: ExecutionStatus, createdAt: Date, startedAt: Date? = nil, terminalAt: Date? = nil,
        organizationId: String, agentName: String, workflowName: String? = nil, agentProfileId: String? = nil,
        agentProfileName: String? = nil, profileId: String? = nil, profileName: String? = nil,
        inputs: [String: JSONValue]? = nil, executionResult: ExecutionResult? = nil, duration: Double? = nil,
        humanLabels: [HumanLabel] = [], comments: [Comment] = [], metadata: [String: String]? = nil,
        recordingUrl: String? = nil, liveViewUrl: String? = nil, platformUrl: String? = nil,
        browserRecordingUrl: String? = nil, browserLiveViewUrl: String? = nil,
        triggerContext: TriggerContext? = nil, executionOptions: ExecutionOptions? = nil,
        hasBeenRerun: Bool = false, parentExecutionId: String? = nil, scriptFailures: [ScriptFailure]? = nil,
        purgedAt: Date? = nil
    ) {
        self.id = id
        self.agentId = agentId
        self.workflowId = workflowId
        self.workflowVersionId = workflowVersionId
        self.workflowVersion = workflowVersion
        self.workflowVersionPublished = workflowVersionPublished
        self.customEnvironmentId = customEnvironmentId
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.terminalAt = terminalAt
        self.organizationId = organizationId
        self.agentName = agentName
        self.workflowName = workflowName
        self.agentProfileId = agentProfileId
        self.agentProfileName = agentProfileName
        self.profileId = profileId
        self.profileName = profileName
        self.inputs = inputs
        self.executionResult = executionResult
        self.duration = duration
        self.humanLabels = humanLabels
        self.comments = comments
        self.metadata = metadata
        self.recordingUrl = recordingUrl
        self.liveViewUrl = liveViewUrl
        self.platformUrl = platformUrl
        self.browserRecordingUrl = browserRecordingUrl
        self.browserLiveViewUrl = browserLiveViewUrl
        self.triggerContext = triggerContext
        self.executionOptions = executionOptions
        self.hasBeenRerun = hasBeenRerun
        self.parentExecutionId = parentExecutionId
        self.scriptFailures = scriptFailures
        self.purgedAt = purgedAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, agentId, workflowId, workflowVersionId, workflowVersion, workflowVersionPublished
        case customEnvironmentId, status, createdAt, startedAt, terminalAt, organizationId, agentName
        case workflowName, agentProfileId, agentProfileName, profileId, profileName, inputs, executionResult
        case duration, humanLabels, comments, metadata, recordingUrl, liveViewUrl, platformUrl
        case browserRecordingUrl, browserLiveViewUrl, triggerContext, executionOptions, hasBeenRerun
        case parentExecutionId, scriptFailures, purgedAt
    }

    /// Every field name this build knows, in wire spelling (the language's schema for executions).
    public static let fieldNames: [String] = CodingKeys.allCases.map(\.rawValue)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        workflowId =
            try c.decodeIfPresent(String.self, forKey: .workflowId)
            ?? c.decode(String.self, forKey: .agentId)
        agentId = try c.decodeIfPresent(String.self, forKey: .agentId) ?? workflowId
        workflowVersionId = try c.decodeIfPresent(String.self, forKey: .workflowVersionId)
        workflowVersion = try c.decodeIfPresent(Int.self, forKey: .workflowVersion)
        workflowVersionPublished = try c.decodeIfPresent(Bool.self, forKey: .workflowVersionPublished)
        customEnvironmentId = try c.decodeIfPresent(String.self, forKey: .customEnvironmentId)
        status = try c.decodeIfPresent(ExecutionStatus.self, forKey: .status) ?? .unknown("")
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        startedAt = try c.decodeIfPresent(Date.self, forKey: .startedAt)
        terminalAt = try c.decodeIfPresent(Date.self, forKey: .terminalAt)
        organizationId = try c.decodeIfPresent(String.self, forKey: .organizationId) ?? ""
        workflowName = try c.decodeIfPresent(String.self, forKey: .workflowName)
        agentName = try c.decodeIfPresent(String.self, forKey: .agentName) ?? workflowName ?? ""
        agentProfileId = try c.decodeIfPresent(String.self, forKey: .agentProfileId)
        agentProfileName = try c.decodeIfPresent(String.self, forKey: .agentProfileName)
        profileId = try c.decodeIfPresent(String.self, forKey: .profileId)
        profileName = try c.decodeIfPresent(String.self, forKey: .profileName)
        inputs = try c.decodeIfPresent([String: JSONValue].self, forKey: .inputs)
        executionResult = try c.decodeIfPresent(ExecutionResult.self, forKey: .executionResult)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration)
        humanLabels = try c.decodeIfPresent([HumanLabel].self, forKey: .humanLabels) ?? []
        comments = try c.decodeIfPresent([Comment].self, forKey: .comments) ?? []
        metadata = try c.decodeIfPresent([String: String].self, forKey: .metadata)
        recordingUrl = try c.decodeIfPresent(String.self, forKey: .recordingUrl)
        liveViewUrl = try c.decodeIfPresent(String.self, forKey: .liveViewUrl)
        platformUrl = try c.decodeIfPresent(String.self, forKey: .platformUrl)
        browserRecordingUrl = try c.decodeIfPresent(String.self, forKey: .browserRecordingUrl)
        browserLiveViewUrl = try c.decodeIfPresent(String.self, forKey: .browserLiveViewUrl)
        triggerContext = try c.decodeIfPresent(TriggerContext.self, forKey: .triggerContext)
        executionOptions = try c.decodeIfPresent(ExecutionOptions.self, forKey: .executionOptions)
        hasBeenRerun = try c.decodeIfPresent(Bool.self, forKey: .hasBeenRerun) ?? false
        parentExecutionId = try c.decodeIfPresent(String.self, forKey: .parentExecutionId)
        scriptFailures = try c.decodeIfPresent([ScriptFailure].self, forKey: .scriptFailures)
        purgedAt = try c.decodeIfPresent(Date.self, forKey: .purgedAt)
    }
}

/// `Agents.Execution.ExecutionResult`. `outcome` is free text, not an enum.
public struct ExecutionResult: Codable, Sendable, Hashable {
    public var id: String
    public var executionId: String
    public var outcome: String
    public var reasoning: String
    /// Any JSON; the key is always present on the wire, its value may be `null`.
    public var result: JSONValue
    public var createdAt: Date

    public init(id: String, executionId: String, outcome: String, reasoning: String, result: JSONValue, createdAt: Date)
    {
        self.id = id
        self.executionId = executionId
        self.outcome = outcome
        self.reasoning = reasoning
        self.result = result
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, executionId, outcome, reasoning, result, createdAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        executionId = try c.decodeIfPresent(String.self, forKey: .executionId) ?? ""
        outcome = try c.decodeIfPresent(String.self, forKey: .outcome) ?? ""
        reasoning = try c.decodeIfPresent(String.self, forKey: .reasoning) ?? ""
        result = try c.decodeIfPresent(JSONValue.self, forKey: .result) ?? .null
        createdAt = try c.decode(Date.self, forKey: .createdAt)
    }
}

/// `Agents.Execution.Comment`.
public struct Comment: Codable, Sendable, Hashable {
    public var id: String
    public var executionId: String
    public var userId: String
    public var content: String
    public var `public`: Bool
    public var createdAt: Date
    public var updatedAt: Date?

    public init(
        id: String, executionId: String, userId: String, content: String, public: Bool, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.executionId = executionId
        self.userId = userId
        self.content = content
        self.public = `public`
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// `Agents.Execution.HumanLabel`.
public struct HumanLabel: Codable, Sendable, Hashable {
    public var id: String
    public var organizationId: String
    public var name: String
    /// Hex such as `#FF5733`.
    public var color: String
    public var createdAt: Date

    public init(id: String, organizationId: String, name: String, color: String, createdAt: Date) {
        self.id = id
        self.organizationId = organizationId
        self.name = name
        self.color = color
        self.createdAt = createdAt
    }
}

/// `Agents.Agent.ExecutionOptions`. `sharedStorageKey` is the seed-era field, `variantKey` the newest.
public struct ExecutionOptions: Codable, Sendable, Hashable {
    public var sharedStorageKey: String?
    public var variantKey: String?
    /// Minimum 1.
    public var softTimeoutMins: Int?

    public init(sharedStorageKey: String? = nil, variantKey: String? = nil, softTimeoutMins: Int? = nil) {
        self.sharedStorageKey = sharedStorageKey
        self.variantKey = variantKey
        self.softTimeoutMins = softTimeoutMins
    }
}

/// A script failure recorded on an execution (newest API only).
public struct ScriptFailure: Codable, Sendable, Hashable {
    public var occurredAt: Date
    public var nodeId: String?
    public var nodeName: String?
    public var scriptFilepath: String?
    public var error: String?
    /// 1-based.
    public var failedLine: Int?
    public var step: Int?
    public var actionId: String?

    public init(
        occurredAt: Date, nodeId: String? = nil, nodeName: String? = nil, scriptFilepath: String? = nil,
        error: String? = nil, failedLine: Int? = nil, step: Int? = nil, actionId: String? = nil
    ) {
        self.occurredAt = occurredAt
        self.nodeId = nodeId
        self.nodeName = nodeName
        self.scriptFilepath = scriptFilepath
        self.error = error
        self.failedLine = failedLine
        self.step = step
        self.actionId = actionId
    }
}
