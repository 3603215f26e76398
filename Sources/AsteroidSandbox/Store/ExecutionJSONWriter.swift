import AsteroidModels
import Foundation

/// Writes an `Execution` (and an `Activity`) as the exact bytes `AsteroidJSON.makeEncoder()` writes
/// (sorted keys, unescaped slashes, RFC 3339 dates, nil fields omitted), many times faster than
/// `JSONEncoder`: bulk seeding writes 100 000 bodies, and every run or rerun writes one. Each model below
/// lists its fields in their sorted key order, one `field` a line, `field(_:ifPresent:)` for an optional
/// one (how a value of each type is spelt, and that a nil field is omitted, lives once in
/// `JSONBytes+Fields.swift`). `SeedDataShapeTests` and `ExecutionShapeTests` check byte equality with the
/// encoder.
enum ExecutionJSONWriter {
    static func json(_ e: Execution) -> String { text(e, capacity: 2048) }

    /// An activity as the shared encoder writes it (its payload flat, `activityType` among the fields).
    static func activity(_ a: Activity) -> String { text(a) }

    /// Any JSON value as the shared encoder writes it.
    static func value(_ value: JSONValue) -> String { text(value) }

    static func text(_ value: some JSONWritable, capacity: Int = 0) -> String {
        var o = JSONBytes()
        o.bytes.reserveCapacity(capacity)
        value.writeJSON(into: &o)
        return String(decoding: o.bytes, as: UTF8.self)
    }
}

extension Execution: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("agentId", agentId)
        o.field("agentName", agentName)
        o.field("agentProfileId", ifPresent: agentProfileId)
        o.field("agentProfileName", ifPresent: agentProfileName)
        o.field("browserLiveViewUrl", ifPresent: browserLiveViewUrl)
        o.field("browserRecordingUrl", ifPresent: browserRecordingUrl)
        o.field("comments", comments)
        o.field("createdAt", createdAt)
        o.field("customEnvironmentId", ifPresent: customEnvironmentId)
        o.field("duration", ifPresent: duration)
        o.field("executionOptions", ifPresent: executionOptions)
        o.field("executionResult", ifPresent: executionResult)
        o.field("hasBeenRerun", hasBeenRerun)
        o.field("humanLabels", humanLabels)
        o.field("id", id)
        o.field("inputs", ifPresent: inputs)
        o.field("liveViewUrl", ifPresent: liveViewUrl)
        o.field("metadata", ifPresent: metadata)
        o.field("organizationId", organizationId)
        o.field("parentExecutionId", ifPresent: parentExecutionId)
        o.field("platformUrl", ifPresent: platformUrl)
        o.field("profileId", ifPresent: profileId)
        o.field("profileName", ifPresent: profileName)
        o.field("purgedAt", ifPresent: purgedAt)
        o.field("recordingUrl", ifPresent: recordingUrl)
        o.field("scriptFailures", ifPresent: scriptFailures)
        o.field("startedAt", ifPresent: startedAt)
        o.field("status", status.rawValue)
        o.field("terminalAt", ifPresent: terminalAt)
        o.field("triggerContext", ifPresent: triggerContext)
        o.field("workflowId", workflowId)
        o.field("workflowName", ifPresent: workflowName)
        o.field("workflowVersion", ifPresent: workflowVersion)
        o.field("workflowVersionId", ifPresent: workflowVersionId)
        o.field("workflowVersionPublished", ifPresent: workflowVersionPublished)
    }
}

extension Activity: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        var members = payload.fields
        members["activityType"] = .string(payload.activityType.rawValue)
        o.field("executionId", executionId)
        o.field("id", id)
        o.field("payload", members)
        o.field("timestamp", timestamp)
    }
}

extension TriggerContext: JSONWritable {
    func writeJSON(into o: inout JSONBytes) {
        var actor: TriggerActor?
        var apiKey: APIKeyRef?
        var runner: TriggerRunner?
        var schedule: ScheduleRef?
        var warmPoolId: String?
        switch self {
        case .api(let r, let a, let k): (runner, actor, apiKey) = (r, a, k)
        case .ui(let r, let a): (runner, actor) = (r, a)
        case .schedule(let s): schedule = s
        case .warmup(let w): warmPoolId = w
        case .unknown(_, let raw): return raw.writeJSON(into: &o)
        }
        o.open()
        o.field("actor", ifPresent: actor)
        o.field("apiKey", ifPresent: apiKey)
        o.field("runner", ifPresent: runner)
        o.field("schedule", ifPresent: schedule)
        o.field("source", source.rawValue)
        o.field("warmPoolId", ifPresent: warmPoolId)
        o.close()
    }
}

extension TriggerActor: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("client", ifPresent: client?.rawValue)
        o.field("id", id)
        o.field("kind", kind.rawValue)
    }
}

extension TriggerRunner: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("email", email)
        o.field("isAdmin", ifPresent: isAdmin)
        o.field("userId", userId)
    }
}

extension APIKeyRef: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("id", id)
        o.field("name", name)
    }
}

extension ScheduleRef: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("cronExpression", cronExpression)
        o.field("id", id)
    }
}

extension HumanLabel: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("color", color)
        o.field("createdAt", createdAt)
        o.field("id", id)
        o.field("name", name)
        o.field("organizationId", organizationId)
    }
}

extension Comment: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("content", content)
        o.field("createdAt", createdAt)
        o.field("executionId", executionId)
        o.field("id", id)
        o.field("public", `public`)
        o.field("updatedAt", ifPresent: updatedAt)
        o.field("userId", userId)
    }
}

extension ExecutionResult: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("createdAt", createdAt)
        o.field("executionId", executionId)
        o.field("id", id)
        o.field("outcome", outcome)
        o.field("reasoning", reasoning)
        o.field("result", result)
    }
}

extension ExecutionOptions: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("sharedStorageKey", ifPresent: sharedStorageKey)
        o.field("softTimeoutMins", ifPresent: softTimeoutMins)
        o.field("variantKey", ifPresent: variantKey)
    }
}

extension ScriptFailure: JSONObject {
    func writeMembers(into o: inout JSONBytes) {
        o.field("actionId", ifPresent: actionId)
        o.field("error", ifPresent: error)
        o.field("failedLine", ifPresent: failedLine)
        o.field("nodeId", ifPresent: nodeId)
        o.field("nodeName", ifPresent: nodeName)
        o.field("occurredAt", occurredAt)
        o.field("scriptFilepath", ifPresent: scriptFilepath)
        o.field("step", ifPresent: step)
    }
}
