import AsteroidModels
import Foundation
import GRDB

/// Agents, staged files and bulk seeding.
extension SQLiteRepository {
    func agents(_ query: ListAgentsQuery) async throws -> Page<Agent> {
        var clauses = ["1"]
        var arguments = StatementArguments()
        if let org = query.organizationId {
            clauses.append("organization_id = ?")
            arguments += [org.lowercased()]
        }
        if let search = query.searchName {
            clauses.append("name LIKE ? ESCAPE '\\'")
            arguments += [Self.likePattern(search)]
        }
        let column = query.sortField == .name ? "name COLLATE NOCASE" : "created_at"
        let order = (query.sortDirection ?? (query.sortField == .name ? .asc : .desc)) == .asc ? "ASC" : "DESC"
        let pageSize = query.pageSize ?? 10
        let page = query.page ?? 1
        let filter = clauses.joined(separator: " AND ")
        let filterArguments = arguments
        return try await dbRead { db in
            let arguments = filterArguments
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM agents WHERE \(filter)", arguments: arguments) ?? 0
            var pageArguments = arguments
            pageArguments += [pageSize, Paging.offset(page: page, pageSize: pageSize)]
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM agents WHERE \(filter) ORDER BY \(column) \(order), id LIMIT ? OFFSET ?",
                arguments: pageArguments)
            return Page(
                items: try rows.map { try Self.agent(db, $0).wire }, page: page, pageSize: pageSize, total: total)
        }
    }

    func agent(_ id: String) async throws -> AgentInfo? {
        try await dbRead { db in try self.agentCache.agent(id.lowercased(), db) }
    }

    func allAgents() async throws -> [AgentInfo] {
        try await dbRead { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agents ORDER BY created_at").map { try Self.agent(db, $0) }
        }
    }

    static func agent(_ db: Database, _ row: Row) throws -> AgentInfo {
        let id: String = row["id"]
        let versions = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, version, published FROM workflow_versions WHERE agent_id = ? ORDER BY version"),
            arguments: [id]
        ).map { WorkflowVersionInfo(id: $0["id"], version: $0["version"], published: $0["published"]) }
        return AgentInfo(
            id: id, name: row["name"], organizationId: row["organization_id"], userId: row["user_id"],
            createdAt: Date(millis: row["created_at"]), publishedVersion: row["published_version"],
            failureEvery: row["failure_every"], versions: versions)
    }

    func stage(_ files: [StagedFile]) async throws {
        try await dbWrite { db in
            for file in files {
                try db.execute(
                    sql: """
                        INSERT INTO temp_files (id, organization_id, name, size, mime_type, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        file.id, file.organizationId, file.name, file.size, file.mimeType, file.createdAt.millis,
                    ])
            }
        }
    }

    func stagedFiles(_ ids: [String]) async throws -> [StagedFile] {
        try await dbRead { db in
            try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM temp_files WHERE id = ?", arguments: [id.lowercased()]).map {
                    StagedFile(
                        id: $0["id"], organizationId: $0["organization_id"], name: $0["name"], size: $0["size"],
                        mimeType: $0["mime_type"], createdAt: Date(millis: $0["created_at"]))
                }
            }
        }
    }

    /// Inserts the demo data in one transaction (see `BulkInserter`), with the filter indexes dropped
    /// during the load and rebuilt once after. On a fresh database only, `synchronous` is OFF for this
    /// one transaction and back to FULL after it: a crash mid-seed leaves an empty or unusable
    /// throwaway file, never a lost acknowledged write (nothing has been acknowledged yet).
    func seed(agents: [AgentInfo], executions: [ExecutionState]) async throws {
        defer { totals.writeFinished() }
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            try db.inTransaction {
                try Self.seedRows(db, agents: agents, executions: executions)
                return .commit
            }
        }
    }

    static func seedRows(_ db: Database, agents: [AgentInfo], executions: [ExecutionState]) throws {
        for agent in agents {
            try db.execute(
                sql: """
                    INSERT INTO agents (id, name, organization_id, user_id, created_at, published_version,
                        failure_every)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    agent.id, agent.name, agent.organizationId, agent.userId, agent.createdAt.millis,
                    agent.publishedVersion, agent.failureEvery,
                ])
            for version in agent.versions {
                try db.execute(
                    sql: "INSERT INTO workflow_versions (id, agent_id, version, published) VALUES (?, ?, ?, ?)",
                    arguments: [version.id, agent.id, version.version, version.published])
            }
        }
        let tables = "'executions', 'execution_metadata', 'execution_inputs', 'execution_labels'"
        let indexes = try Row.fetchAll(
            db,
            sql:
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                    + "(\(tables))"
        )
        for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
        try db.execute(sql: "DROP TRIGGER IF EXISTS executions_count_insert")
        var rows = BulkInserter(db, table: "executions", columns: Self.executionColumns, width: 16, batch: 60)
        var metadata = BulkInserter(
            db, table: "execution_metadata", columns: "execution_seq, key, value", width: 3, batch: 300)
        var inputs = BulkInserter(
            db, table: "execution_inputs", columns: "execution_seq, key, value", width: 3, batch: 300)
        var labels = BulkInserter(
            db, table: "execution_labels", columns: "execution_seq, label_id", width: 2, batch: 300)
        // Executions go in before the filter rows that reference them (foreign keys).
        for start in stride(from: 0, to: executions.count, by: 60) {
            let chunk = executions[start..<min(start + 60, executions.count)]
            for state in chunk { try rows.add([state.seq] + Self.columnValues(state)) }
            try rows.flush()
            for state in chunk {
                let e = state.execution
                for (key, value) in e.metadata ?? [:] { try metadata.add([state.seq, key, value]) }
                for (key, value) in e.inputs ?? [:] { try inputs.add([state.seq, key, value.searchText]) }
                for label in e.humanLabels { try labels.add([state.seq, label.id.lowercased()]) }
            }
        }
        try rows.flush()
        try metadata.flush()
        try inputs.flush()
        try labels.flush()
        for index in indexes { try db.execute(sql: index["sql"] as String) }
        try db.execute(
            sql: "UPDATE agents SET execution_count = (SELECT COUNT(*) FROM executions WHERE workflow_id = agents.id)")
        try db.execute(sql: SandboxDatabase.countTrigger)
    }
}

/// The agents read so far, by id (see `SQLiteRepository.agentCache`). An unknown id is not remembered.
final class AgentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var agents: [String: AgentInfo] = [:]

    func agent(_ id: String, _ db: Database) throws -> AgentInfo? {
        if let known = lock.withLock({ agents[id] }) { return known }
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM agents WHERE id = ?"), arguments: [id])
        else { return nil }
        let agent = try SQLiteRepository.agent(db, row)
        lock.withLock { agents[id] = agent }
        return agent
    }
}
