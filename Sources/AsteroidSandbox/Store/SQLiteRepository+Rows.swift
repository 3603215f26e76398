import AsteroidModels
import Foundation
import GRDB

/// Reading and writing one execution's rows.
extension SQLiteRepository {
    static let executionColumns = """
        seq, id, organization_id, workflow_id, workflow_version, status, created_at, started_at, outcome,
        trigger_source, profile_id, batch_id, has_script_failures, deleted_at, seeded, body
        """

    static func load(_ db: Database, id: String) throws -> ExecutionState? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT seq, body, deleted_at, seeded, batch_id FROM executions WHERE id = ?"),
                arguments: [id])
        else { return nil }
        if (row["deleted_at"] as Int64?) != nil { return nil }
        let seq: Int64 = row["seq"]
        let body: String = row["body"]
        let execution = try decodeExecution(body)
        var live: LivePlan?
        if let plan = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT step, steps, step_ms, next_at, outcome FROM live_plans WHERE execution_seq = ?"),
            arguments: [seq])
        {
            let outcome: String = plan["outcome"]
            live = LivePlan(
                step: plan["step"], steps: plan["steps"], stepMillis: plan["step_ms"],
                nextAt: (plan["next_at"] as Int64?).map(Date.init(millis:)),
                outcome: PlannedOutcome(rawValue: outcome) ?? .success)
        }
        return ExecutionState(
            seq: seq, execution: execution, live: live, deleted: false, seeded: row["seeded"], batchId: row["batch_id"])
    }

    /// A stored body (the sandbox's own wire JSON) as an execution: the client's fast reader, with
    /// `JSONDecoder` for anything it steps aside from.
    static func decodeExecution(_ body: String) throws -> Execution {
        let data = Data(body.utf8)
        return try FastDecoding.decode(Execution.self, from: data)
            ?? AsteroidJSON.makeDecoder().decode(Execution.self, from: data)
    }

    /// The row's column values; `body` is written by `ExecutionJSONWriter` (the shared encoder's exact bytes).
    static func columnValues(_ state: ExecutionState) -> [(any DatabaseValueConvertible)?] {
        let e = state.execution
        let body = state.encodedBody ?? ExecutionJSONWriter.json(e)
        return [
            e.id.lowercased(), e.organizationId, e.workflowId, e.workflowVersion, e.status.rawValue,
            e.createdAt.millis, e.startedAt?.millis, e.executionResult?.outcome, e.triggerContext?.source.rawValue,
            e.profileId ?? e.agentProfileId, state.batchId, !(e.scriptFailures ?? []).isEmpty,
            state.deleted ? Date().millis : nil, state.seeded, body,
        ]
    }

    /// Inserts the execution row and its filter rows; returns the row's `seq`.
    static func insertRow(_ db: Database, _ state: ExecutionState) throws -> Int64 {
        let values: [(any DatabaseValueConvertible)?] = [state.seq > 0 ? state.seq : nil] + columnValues(state)
        try db.cachedStatement(
            sql:
                "INSERT INTO executions (\(executionColumns)) VALUES "
                    + "(\(Array(repeating: "?", count: 16).joined(separator: ",")))"
        ).execute(arguments: StatementArguments(values))
        let seq = db.lastInsertedRowID
        try insertFilterRows(db, seq: seq, state.execution)
        return seq
    }

    static func updateRow(_ db: Database, _ state: ExecutionState) throws {
        var values = columnValues(state)
        values.append(state.seq)
        try db.cachedStatement(
            sql: """
                UPDATE executions SET id = ?, organization_id = ?, workflow_id = ?, workflow_version = ?, status = ?,
                  created_at = ?, started_at = ?, outcome = ?, trigger_source = ?, profile_id = ?, batch_id = ?,
                  has_script_failures = ?, deleted_at = ?, seeded = ?, body = ? WHERE seq = ?
                """
        ).execute(arguments: StatementArguments(values))
    }

    /// One multi-row INSERT per side table (an execution has a few metadata pairs and inputs): each
    /// statement run costs more than the row it adds.
    static func insertFilterRows(_ db: Database, seq: Int64, _ e: Execution) throws {
        try insertRows(
            db, "execution_metadata (execution_seq, key, value)", (e.metadata ?? [:]).map { [seq, $0.key, $0.value] })
        try insertRows(
            db, "execution_inputs (execution_seq, key, value)",
            (e.inputs ?? [:]).map { [seq, $0.key, $0.value.searchText] })
        try insertRows(
            db, "execution_labels (execution_seq, label_id)", e.humanLabels.map { [seq, $0.id.lowercased()] })
    }

    /// At most 100 rows a statement, well inside SQLite's limit on bound values.
    private static func insertRows(_ db: Database, _ target: String, _ rows: [[(any DatabaseValueConvertible)?]]) throws
    {
        guard let width = rows.first?.count else { return }
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        for start in stride(from: 0, to: rows.count, by: 100) {
            let chunk = rows[start..<min(start + 100, rows.count)]
            try db.cachedStatement(
                sql: "INSERT INTO \(target) VALUES "
                    + Array(repeating: tuple, count: chunk.count).joined(separator: ",")
            ).execute(arguments: StatementArguments(chunk.flatMap { $0 }))
        }
    }

    static func savePlan(_ db: Database, _ state: ExecutionState) throws {
        guard let live = state.live else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO live_plans (execution_seq, step, steps, step_ms, next_at, outcome) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(execution_seq) DO UPDATE SET step = excluded.step, steps = excluded.steps,
                  step_ms = excluded.step_ms, next_at = excluded.next_at, outcome = excluded.outcome
                """
        ).execute(arguments: [
            state.seq, live.step, live.steps, live.stepMillis, live.nextAt?.millis, live.outcome.rawValue,
        ])
    }

    static func insertActivities(_ db: Database, seq: Int64, _ activities: [Activity]) throws {
        for activity in activities {
            let payload = ExecutionJSONWriter.activity(activity)
            try db.cachedStatement(
                sql: "INSERT INTO activities (id, execution_seq, timestamp, payload) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [activity.id, seq, activity.timestamp.millis, payload])
        }
    }
}

extension JSONValue {
    /// The text a partial `inputsValue` match looks in: a string's own text, any other value's JSON
    /// (the shared encoder's bytes, written without a `JSONEncoder`).
    var searchText: String {
        if case .string(let text) = self { return text }
        return ExecutionJSONWriter.value(self)
    }
}
