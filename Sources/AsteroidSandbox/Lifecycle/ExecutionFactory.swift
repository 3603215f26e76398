import AsteroidModels
import Foundation

/// Builds a new live execution (execute and rerun): status `starting`, first tick scheduled, outcome
/// decided by `PlannedOutcome`.
struct ExecutionFactory {
    var catalog: SeedCatalog
    var speed: Double

    struct Spec {
        var agent: AgentInfo
        var version: WorkflowVersionInfo
        var inputs: [String: JSONValue]?
        var profileId: String?
        var metadata: [String: String]?
        var options: ExecutionOptions?
        var trigger: TriggerContext
        var parentId: String?
        var files: [StagedFile] = []
        /// 1-based index of this execution among its agent's executions.
        var index: Int
    }

    func make(_ spec: Spec, now: Date) -> (ExecutionState, [Activity]) {
        let id = RandomID.uuid()
        let created = Date(millis: now.millis)
        let profileId = spec.profileId?.lowercased()
        let profileName = catalog.profileName(profileId) ?? profileId.map { "Profile \($0.prefix(8))" }
        let execution = Execution(
            id: id, agentId: spec.agent.id, workflowId: spec.agent.id, workflowVersionId: spec.version.id,
            workflowVersion: spec.version.version, workflowVersionPublished: spec.version.published,
            status: .starting, createdAt: created, organizationId: spec.agent.organizationId,
            agentName: spec.agent.name, workflowName: spec.agent.name, agentProfileId: profileId,
            agentProfileName: profileName, profileId: profileId, profileName: profileName, inputs: spec.inputs ?? [:],
            metadata: spec.metadata, platformUrl: "https://platform.asteroid.ai/executions/\(id)",
            triggerContext: spec.trigger, executionOptions: spec.options, parentExecutionId: spec.parentId)
        let shape = RunShape(index: spec.index, speed: speed)
        let outcome = PlannedOutcome.decide(
            inputs: spec.inputs, failureEvery: spec.agent.failureEvery, index: spec.index)
        let live = LivePlan(
            step: 0, steps: shape.steps, stepMillis: shape.stepMillis,
            nextAt: created.addingTimeInterval(Double(shape.startMillis) / 1000), outcome: outcome)
        var activities = [LifecycleScript.activity(id, created, .statusChanged, ["status": "starting"])]
        for file in spec.files {
            activities.append(
                LifecycleScript.activity(
                    id, created, .fileAdded,
                    [
                        "fileId": .string(file.id), "fileName": .string(file.name), "mimeType": .string(file.mimeType),
                        "fileSize": .int(file.size), "source": "upload",
                        "presignedUrl": .string(
                            "https://sandbox.asteroid.local/files/\(file.id)?X-Sandbox-Expires=3600"),
                    ]))
        }
        let state = ExecutionState(
            seq: 0, execution: execution, live: live, deleted: false, seeded: false, batchId: nil)
        return (state, activities)
    }
}
