import AsteroidModels
import Foundation

// execute, delete and user messages settling an unknown outcome (see `AsteroidClient+Reconcile.swift`).
extension AsteroidClient {
    /// execute (and execute/sync) is never sent again automatically: unlike a rerun there is no flag that
    /// proves it did not happen, and a duplicate costs a whole agent run with its effects in the world.
    /// Instead the executions of that agent/workflow created since the attempt are listed; exactly one whose
    /// inputs (and metadata, when the request set some) equal the request's is reported as its result.
    /// None or several: `.outcomeUnknown`, naming the candidates.
    func executeReconciled<T>(
        _ endpoint: Endpoint, _ id: String, _ request: ExecuteRequest, send: () async throws(AsteroidError) -> T,
        found: (Execution) -> T
    ) async throws(AsteroidError) -> T {
        let mark = SentMark()
        let lost: AsteroidError
        switch try await sendOnce(endpoint, asking: "whether the execution was started", send) {
        case .answered(let result): return result
        case .lost(let error): lost = error
        }
        let byAgent = [.agentExecutePost, .agentExecuteSyncPost].contains(endpoint.operation)
        var query = ListExecutionsQuery()
        if byAgent { query.agentId = id } else { query.workflowId = id }
        let recent: RecentExecutions
        do {
            recent = try await executionsCreated(since: mark, matching: query, serverNow: nil)
        } catch {
            throw reconcileFailed(endpoint, lost, error)
        }
        let matches = recent.executions.filter { Self.matches($0, request) }
        if matches.count == 1, recent.complete, let execution = matches.first {
            log("· the execution was started: \(execution.id)")
            return found(execution)
        }
        let scope =
            "of \(byAgent ? "agent" : "workflow") \(id) created since \(RFC3339.format(recent.since)) "
            + "(\(recent.scanned) listed\(recent.complete ? "" : ", cut at \(Self.reconcileScanLimit)"))"
        let checked =
            matches.isEmpty
            ? "no execution \(scope) has the request's inputs: it most likely did not start, but that cannot be "
                + "proven, so it was not sent again"
            : "\(matches.count) executions \(scope) have the request's inputs "
                + "(\(matches.map(\.id).joined(separator: ", "))); "
                + "which one this request started cannot be told"
        throw outcomeUnknown(endpoint, lost, checked)
    }

    /// Same inputs (absent = empty) and, when the request set metadata, the same values for its keys.
    static func matches(_ execution: Execution, _ request: ExecuteRequest) -> Bool {
        guard (execution.inputs ?? [:]) == (request.inputs ?? [:]) else { return false }
        guard let metadata = request.metadata else { return true }
        return metadata.allSatisfy { execution.metadata?[$0.key] == $0.value }
    }

    /// delete: GET the execution. 404: it is gone, the delete was made. Still there: not made, sent again.
    func deleteReconciled(_ endpoint: Endpoint, _ executionId: String) async throws(AsteroidError) {
        let mark = SentMark()
        var round = 0
        while true {
            round += 1
            let lost: AsteroidError
            let attempt = { () async throws(AsteroidError) in _ = try await self.send(endpoint, expecting: [200, 204]) }
            switch try await sendOnce(endpoint, asking: "whether the execution is still there", attempt) {
            case .answered: return
            case .lost(let error): lost = error
            }
            do {
                _ = try await getExecution(executionId)
            } catch  where error.isNotFound {
                log("· the execution is gone: the delete was made")
                return
            } catch {
                throw reconcileFailed(endpoint, lost, error)
            }
            try await prepareResend(
                after: round, mark, endpoint, lost, checked: "execution \(executionId) is still there")
        }
    }

    /// A mutation the API gives no way to check (user messages, file staging): an answer lost after the
    /// request may have arrived is reported as `.outcomeUnknown`, never as a plain failure.
    func unverifiable<T>(_ endpoint: Endpoint, _ send: () async throws(AsteroidError) -> T) async throws(AsteroidError)
        -> T
    {
        do {
            return try await send()
        } catch {
            guard Self.isAmbiguous(error) else { throw error }
            throw outcomeUnknown(endpoint, error, "the API offers no read that tells whether it took effect")
        }
    }
}
