import AsteroidModels
import Foundation

// rerun and status changes settling an unknown outcome (see `AsteroidClient+Reconcile.swift`; execute,
// delete and user messages are in `AsteroidClient+ReconcileExecute.swift`).
extension AsteroidClient {
    /// A rerun: GET the parent, then look for its child among the executions of its workflow created since
    /// the first attempt (newest first; `parentExecutionId` checked here). Found: that is the rerun's result.
    /// Not found and the parent's `hasBeenRerun` is false: it was not made, so it is sent again (within
    /// the retry policy). Otherwise the outcome stays unknown (`.outcomeUnknown`, saying what was checked).
    func rerunReconciled(_ endpoint: Endpoint, parent parentId: String) async throws(AsteroidError) -> ExecuteResponse {
        let mark = SentMark()
        var round = 0
        while true {
            round += 1
            let lost: AsteroidError
            let attempt = { () async throws(AsteroidError) -> ExecuteResponse in
                try self.decode(
                    ExecuteResponse.self, endpoint, try await self.send(endpoint, expecting: [200, 201, 202]))
            }
            switch try await sendOnce(endpoint, asking: "whether the rerun was made", attempt) {
            case .answered(let response): return response
            case .lost(let error): lost = error
            }
            let parent: Execution
            let recent: RecentExecutions
            do {
                let (execution, serverNow) = try await executionWithServerTime(parentId)
                parent = execution
                var query = ListExecutionsQuery()
                query.workflowId = parent.workflowId
                recent = try await executionsCreated(since: mark, matching: query, serverNow: serverNow)
            } catch {
                throw reconcileFailed(endpoint, lost, error)
            }
            if let child = recent.executions.first(where: { $0.parentExecutionId == parentId }) {
                log("· the rerun was made: \(child.id)")
                return ExecuteResponse(executionId: child.id, status: child.status)
            }
            guard !parent.hasBeenRerun else {
                throw outcomeUnknown(
                    endpoint, lost,
                    "GET /executions/\(parentId) says it has been rerun (hasBeenRerun), but none of the "
                        + "\(recent.scanned) executions of workflow \(parent.workflowId) listed since "
                        + "\(RFC3339.format(recent.since)) has parentExecutionId \(parentId)"
                        + (recent.complete ? "" : " (the listing was cut at \(Self.reconcileScanLimit))"))
            }
            try await prepareResend(
                after: round, mark, endpoint, lost, checked: "execution \(parentId) has no rerun (hasBeenRerun false)")
        }
    }

    /// pause/resume/cancel and the status endpoint: GET the execution. Already in the target status: done.
    /// Still in a status the change applies to: it was not made, so it is sent again. A cancel that meets a
    /// finished execution did not take effect (the original error, with a hint). Anything else is unknown.
    func statusReconciled<T>(
        _ endpoint: Endpoint, _ executionId: String, to target: UpdatableStatus,
        send: () async throws(AsteroidError) -> T, done: () -> T
    ) async throws(AsteroidError) -> T {
        let mark = SentMark()
        var round = 0
        while true {
            round += 1
            let lost: AsteroidError
            switch try await sendOnce(endpoint, asking: "what status the execution has", send) {
            case .answered(let result): return result
            case .lost(let error): lost = error
            }
            let status: ExecutionStatus
            do {
                status = try await getExecution(executionId).status
            } catch {
                throw reconcileFailed(endpoint, lost, error)
            }
            let verb = "the change to \(target.rawValue)"
            switch Self.verdict(status, target) {
            case .done:
                log("· the execution is \(status.rawValue): the change was made")
                return done()
            case .changeable:
                try await prepareResend(
                    after: round, mark, endpoint, lost, checked: "execution \(executionId) is still \(status.rawValue)")
            case .notApplied:
                var error = lost
                error.hint = [
                    error.hint, "Checked: the execution is \(status.rawValue), so \(verb) did not take effect.",
                ]
                .compactMap { $0 }.joined(separator: " ")
                throw error
            case .unknown:
                throw outcomeUnknown(
                    endpoint, lost,
                    "GET /executions/\(executionId) says it is now \(status.rawValue); whether \(verb) took effect "
                        + "before that cannot be told")
            }
        }
    }

    enum StatusVerdict { case done, changeable, notApplied, unknown }

    /// What an execution's status says about a change to `target` whose answer was lost (reference §6).
    static func verdict(_ status: ExecutionStatus, _ target: UpdatableStatus) -> StatusVerdict {
        if status.rawValue == target.rawValue { return .done }
        switch target {
        case .cancelled: return status.isTerminal ? .notApplied : .changeable
        case .paused: return status == .running ? .changeable : .unknown
        case .running:
            return [.paused, .pausedByAgent, .awaitingConfirmation].contains(status) ? .changeable : .unknown
        case .unknown: return .unknown
        }
    }
}
