import AsteroidModels
import Foundation
import GRDB

/// `GET /executions`: every filter and sort as SQL over indexed columns and side tables.
extension SQLiteRepository {
    /// The typed page: the raw page of stored wire JSON (`listExecutionsJSON`), decoded.
    func listExecutions(_ query: ListExecutionsQuery, now: Date) async throws -> Page<Execution> {
        let raw = try await listExecutionsJSON(query, now: now)
        let items = try raw.items.map(Self.decodeExecution)
        return Page(items: items, page: raw.page, pageSize: raw.pageSize, total: raw.total)
    }

    static func whereClause(_ q: ListExecutionsQuery, now: Date) -> (sql: String, arguments: StatementArguments) {
        var clauses = ["e.deleted_at IS NULL"]
        var arguments = StatementArguments()
        func add(_ clause: String, _ values: [(any DatabaseValueConvertible)?]) {
            clauses.append(clause)
            arguments += StatementArguments(values)
        }
        func list(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

        if let org = q.organizationId { add("e.organization_id = ?", [org.lowercased()]) }
        if let id = q.executionId { add("e.id LIKE ? ESCAPE '\\'", [likePattern(id)]) }
        if let agent = q.agentId { add("e.workflow_id = ?", [agent.lowercased()]) }
        if let workflow = q.workflowId { add("e.workflow_id = ?", [workflow.lowercased()]) }
        let profiles = (q.agentProfileIds + q.profileIds).map { $0.lowercased() }
        if !profiles.isEmpty { add("e.profile_id IN (\(list(profiles.count)))", profiles) }
        if !q.status.isEmpty { add("e.status IN (\(list(q.status.count)))", q.status.map(\.rawValue)) }
        if !q.phase.isEmpty {
            let statuses = ExecutionStatus.allKnown.filter { q.phase.contains($0.phase) }.map(\.rawValue)
            add(statuses.isEmpty ? "0" : "e.status IN (\(list(statuses.count)))", statuses)
        }
        if let after = q.createdAfter { add("e.created_at >= ?", [after.millis]) }
        if let before = q.createdBefore { add("e.created_at <= ?", [before.millis]) }
        if let within = q.createdWithin, let seconds = WithinDuration.seconds(within) {
            add("e.created_at >= ?", [now.addingTimeInterval(-Double(seconds)).millis])
        }
        if !q.humanLabels.isEmpty {
            let labels = q.humanLabels.map { $0.lowercased() }
            add(
                "e.seq IN (SELECT execution_seq FROM execution_labels WHERE label_id IN (\(list(labels.count))))",
                labels)
        }
        if let outcome = q.outcomeLabel { add("e.outcome LIKE ? ESCAPE '\\'", [likePattern(outcome)]) }
        var pairs: [(String, String)] = []
        if let key = q.metadataKey, let value = q.metadataValue { pairs.append((key, value)) }
        for pair in q.metadata {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 { pairs.append((parts[0], parts[1])) }
        }
        for (key, value) in pairs {
            add("e.seq IN (SELECT execution_seq FROM execution_metadata WHERE key = ? AND value = ?)", [key, value])
        }
        if let key = q.inputsKey, let value = q.inputsValue {
            add(
                "e.seq IN (SELECT execution_seq FROM execution_inputs WHERE key = ? AND value LIKE ? ESCAPE '\\')",
                [key, likePattern(value)])
        }
        if let version = q.workflowVersion { add("e.workflow_version = ?", [version]) }
        if let failures = q.hasScriptFailures { add("e.has_script_failures = ?", [failures]) }
        if !q.triggerSource.isEmpty {
            add("e.trigger_source IN (\(list(q.triggerSource.count)))", q.triggerSource)
        }
        if let batch = q.batchId { add("e.batch_id = ?", [batch]) }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// The longest text a substring filter takes. SQLite refuses a LIKE pattern past 50,000 bytes (an error,
    /// which was a 500); a request checks its filters against this first (`checkLike`).
    static let maxLikeText = 1_000

    /// A 400 naming `parameter` when `value` is too long for a substring filter.
    static func checkLike(_ parameter: String, _ value: String?) throws(RequestValidationError) {
        guard let value, value.utf8.count > maxLikeText else { return }
        throw RequestValidationError(
            parameter, "is \(value.utf8.count) bytes long; a search text takes at most \(maxLikeText)")
    }

    /// `%text%` with LIKE's wildcards escaped; SQLite's LIKE is case-insensitive for ASCII.
    static func likePattern(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }
}
