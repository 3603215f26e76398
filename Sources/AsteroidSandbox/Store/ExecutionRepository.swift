import AsteroidModels
import Foundation

/// An execution as the sandbox stores it: the wire object plus what the lifecycle needs.
struct ExecutionState: Sendable {
    var seq: Int64
    var execution: Execution
    /// Present for executions the lifecycle moves (created by execute or rerun).
    var live: LivePlan?
    var deleted: Bool
    /// Demo data: its activity feed is generated from the execution itself.
    var seeded: Bool
    var batchId: String?
    /// The execution's JSON when already encoded (bulk seeding encodes in parallel); nil = encode on save.
    var encodedBody: String? = nil
}

/// Where a live execution is in its run: `step` of `steps` done, the next tick due at `nextAt`
/// (nil while paused or finished), ending with `outcome`.
struct LivePlan: Sendable, Hashable {
    var step: Int
    var steps: Int
    var stepMillis: Int64
    var nextAt: Date?
    var outcome: PlannedOutcome
}

/// A demo workflow ("agent" in the deprecated vocabulary).
struct AgentInfo: Sendable, Hashable {
    var id: String
    var name: String
    var organizationId: String
    var userId: String
    var createdAt: Date
    var publishedVersion: Int
    /// Every n-th execution created through the API fails (the flaky demo agent); nil = never.
    var failureEvery: Int?
    var versions: [WorkflowVersionInfo]

    var wire: Agent { Agent(id: id, name: name, createdAt: createdAt, userId: userId, organizationId: organizationId) }
}

/// What a rerun is built from: the original, its workflow, and the new run's 1-based index among the
/// workflow's executions.
struct RerunSource: Sendable {
    var parent: Execution
    var agent: AgentInfo
    var index: Int
}

struct WorkflowVersionInfo: Sendable, Hashable {
    var id: String
    var version: Int
    var published: Bool
}

struct StagedFile: Sendable, Hashable {
    var id: String
    var organizationId: String
    var name: String
    var size: Int
    var mimeType: String
    var createdAt: Date
}

/// The storage seen by the controllers and the lifecycle. Every method is one transaction.
protocol ExecutionRepository: Sendable {
    func listExecutions(_ query: ListExecutionsQuery, now: Date) async throws -> Page<Execution>
    /// The same page with each item as its stored wire JSON (no decode/encode on the hot path).
    func listExecutionsJSON(_ query: ListExecutionsQuery, now: Date) async throws -> RawPage
    /// A visible execution's wire JSON.
    func executionJSON(_ id: String) async throws -> String?
    /// A visible (not deleted) execution.
    func execution(_ id: String) async throws -> ExecutionState?
    func insert(_ state: ExecutionState, activities: [Activity], attaching files: [String]) async throws
    /// Loads a visible execution, applies `change` and saves it with the activities it returns, in one
    /// transaction. Throws `SandboxError.executionNotFound` for unknown ids; errors from `change` roll back.
    @discardableResult
    func mutate(
        _ id: String, _ change: @Sendable (inout ExecutionState) throws -> [Activity]
    ) async throws -> ExecutionState
    /// Reruns a visible execution in one transaction: reads what a rerun copies (the original, its
    /// workflow, the run's index), lets `make` build the new execution, inserts it and marks the original
    /// `hasBeenRerun`. Throws `SandboxError.executionNotFound` for unknown ids; errors from `make` roll back.
    func rerun(
        _ parentId: String, _ make: @Sendable (RerunSource) throws -> (ExecutionState, [Activity])
    ) async throws -> ExecutionState
    func storedActivities(_ executionSeq: Int64) async throws -> [Activity]
    /// Live executions whose next tick is due at or before `date`.
    func dueExecutions(at date: Date) async throws -> [String]
    func nextDueDate() async throws -> Date?
    func countExecutions(workflowId: String) async throws -> Int

    func agents(_ query: ListAgentsQuery) async throws -> Page<Agent>
    func agent(_ id: String) async throws -> AgentInfo?
    func allAgents() async throws -> [AgentInfo]

    func stage(_ files: [StagedFile]) async throws
    func stagedFiles(_ ids: [String]) async throws -> [StagedFile]

    func isEmpty() async throws -> Bool
    func seed(agents: [AgentInfo], executions: [ExecutionState]) async throws
}
