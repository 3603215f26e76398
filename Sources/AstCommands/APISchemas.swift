import AstRuntime
import AsteroidModels
import Foundation

/// The language's schemas for API objects, taken from the shared models' field lists.
package enum APISchemas {
    static let executionResult = Schema(
        name: "executionResult", fields: ["id", "executionId", "outcome", "reasoning", "result", "createdAt"])
    static let humanLabel = Schema(name: "label", fields: ["id", "organizationId", "name", "color", "createdAt"])
    static let comment = Schema(
        name: "comment", fields: ["id", "executionId", "userId", "content", "public", "createdAt", "updatedAt"])
    static let executionOptions = Schema(
        name: "executionOptions", fields: ["sharedStorageKey", "variantKey", "softTimeoutMins"])
    static let scriptFailure = Schema(
        name: "scriptFailure",
        fields: ["occurredAt", "nodeId", "nodeName", "scriptFilepath", "error", "failedLine", "step", "actionId"])

    package static let execution = Schema(
        name: "execution", fields: Execution.fieldNames,
        nested: [
            "executionResult": executionResult, "humanLabels": humanLabel, "comments": comment,
            "executionOptions": executionOptions, "scriptFailures": scriptFailure,
        ],
        columns: [
            ("id", "id"), ("agent", "agentName"), ("status", "status"), ("outcome", "executionResult.outcome"),
            ("created", "createdAt"), ("duration", "duration"),
        ],
        view: { ExecutionView.render($0, activities: nil, now: Date()) })

    package static let agent = Schema(
        name: "agent", fields: Agent.fieldNames, columns: [("id", "id"), ("name", "name"), ("created", "createdAt")])

    package static let activity = Schema(
        name: "activity", fields: ["id", "executionId", "timestamp", "payload"],
        columns: [
            ("time", "timestamp"), ("type", "payload.activityType"),
            ("detail", "payload.status|payload.reasoning|payload.message|payload.stepNumber"),
        ])

    package static let statusChange = Schema(name: "status change", fields: ["executionId", "status"])

    /// By the names command signatures use in `outputSchema`.
    package static let byName: [String: Schema] = [
        "execution": execution, "agent": agent, "activity": activity, "statusChange": statusChange,
    ].merging(resourceSchemas) { first, _ in first }

    /// Field names whose strings are times, and whose numbers are durations (seconds).
    static let timeFields: Set<String> = [
        "createdAt", "startedAt", "terminalAt", "purgedAt", "updatedAt", "occurredAt", "timestamp",
    ]
    static let durationFields: Set<String> = ["duration"]
}
