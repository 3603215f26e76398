import AsteroidModels
import Foundation
import GRDB

/// The SQLite `ExecutionRepository`. The execution's wire JSON lives in `body`; the columns and side
/// tables beside it exist for filtering and sorting in SQL, with indexes.
final class SQLiteRepository: ExecutionRepository {
    let writer: any DatabaseWriter
    /// Whether SQLite is called on the caller's thread (the in-memory database); see `dbRead`.
    let callsDirectly: Bool
    /// Agents (with their versions) as loaded: they are written only when the demo data is seeded, and
    /// every execute or rerun needs its agent's. Their `execution_count` is not in `AgentInfo`.
    let agentCache = AgentCache()
    /// Listing totals, dropped by every write (see `ListingTotals`).
    let totals = ListingTotals()

    init(writer: any DatabaseWriter) {
        self.writer = writer
        self.callsDirectly = writer is DatabaseQueue
    }

    func execution(_ id: String) async throws -> ExecutionState? {
        try await dbRead { db in try Self.load(db, id: id.lowercased()) }
    }

    func insert(_ state: ExecutionState, activities: [Activity], attaching files: [String]) async throws {
        try await dbWrite { db in
            var state = state
            state.seq = try Self.insertRow(db, state)
            try Self.savePlan(db, state)
            try Self.insertActivities(db, seq: state.seq, activities)
            for file in files {
                try db.execute(
                    sql: "UPDATE temp_files SET execution_id = ? WHERE id = ?", arguments: [state.execution.id, file])
            }
        }
    }

    func rerun(
        _ parentId: String, _ make: @Sendable (RerunSource) throws -> (ExecutionState, [Activity])
    ) async throws -> ExecutionState {
        try await dbWrite { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT seq, body FROM executions WHERE id = ? AND deleted_at IS NULL"),
                    arguments: [parentId.lowercased()])
            else { throw SandboxError.executionNotFound }
            let parentSeq: Int64 = row["seq"]
            let body: String = row["body"]
            let parent = try Self.decodeExecution(body)
            guard let agent = try agentCache.agent(parent.workflowId, db)
            else { throw SandboxError(.notFound, "The execution's workflow no longer exists.") }
            let count = try Self.countExecutions(db, workflowId: agent.id)
            var (state, activities) = try make(RerunSource(parent: parent, agent: agent, index: count + 1))
            // Only the flag changes; the stored wire JSON is edited in place rather than decoded and re-encoded.
            try db.cachedStatement(
                sql: "UPDATE executions SET body = json_set(body, '$.hasBeenRerun', json('true')) WHERE seq = ?"
            ).execute(arguments: [parentSeq])
            state.seq = try Self.insertRow(db, state)
            try Self.savePlan(db, state)
            try Self.insertActivities(db, seq: state.seq, activities)
            return state
        }
    }

    @discardableResult
    func mutate(
        _ id: String, _ change: @Sendable (inout ExecutionState) throws -> [Activity]
    ) async throws -> ExecutionState {
        try await dbWrite { db in
            guard var state = try Self.load(db, id: id.lowercased()) else { throw SandboxError.executionNotFound }
            let activities = try change(&state)
            try Self.updateRow(db, state)
            try Self.savePlan(db, state)
            try Self.insertActivities(db, seq: state.seq, activities)
            return state
        }
    }

    func storedActivities(_ executionSeq: Int64) async throws -> [Activity] {
        try await dbRead { db in
            let decoder = AsteroidJSON.makeDecoder()
            let rows = try Row.fetchAll(
                db, sql: "SELECT payload FROM activities WHERE execution_seq = ? ORDER BY timestamp, seq",
                arguments: [executionSeq])
            return try rows.map { row in
                let text: String = row["payload"]
                return try decoder.decode(Activity.self, from: Data(text.utf8))
            }
        }
    }

    func dueExecutions(at date: Date) async throws -> [String] {
        try await dbRead { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT e.id FROM live_plans p JOIN executions e ON e.seq = p.execution_seq
                    WHERE p.next_at IS NOT NULL AND p.next_at <= ? ORDER BY p.next_at LIMIT 500
                    """, arguments: [date.millis])
        }
    }

    func nextDueDate() async throws -> Date? {
        try await dbRead { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(next_at) FROM live_plans WHERE next_at IS NOT NULL")
                .map(Date.init(millis:))
        }
    }

    func countExecutions(workflowId: String) async throws -> Int {
        try await dbRead { db in try Self.countExecutions(db, workflowId: workflowId) }
    }

    static func countExecutions(_ db: Database, workflowId: String) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT execution_count FROM agents WHERE id = ?"), arguments: [workflowId]) ?? 0
    }

    func isEmpty() async throws -> Bool {
        try await dbRead { db in
            let executions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM executions") ?? 0
            let agents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agents") ?? 0
            return executions == 0 && agents == 0
        }
    }
}
