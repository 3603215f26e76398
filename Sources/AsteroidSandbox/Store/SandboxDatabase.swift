import Foundation
import GRDB

/// Opens the sandbox's SQLite database and applies the ordered, named migrations.
///
/// A file database is a WAL `DatabasePool` with `synchronous = FULL`, so a write is on disk before its
/// response leaves (a `kill -9` loses no acknowledged write); `:memory:` is a `DatabaseQueue`.
enum SandboxDatabase {
    static func open(path: String) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let writer: any DatabaseWriter
        if path == ":memory:" {
            writer = try DatabaseQueue(configuration: configuration)
        } else {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            writer = try DatabasePool(path: path, configuration: configuration)
        }
        try migrator.migrate(writer)
        return writer
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-agents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agents (
                      id TEXT PRIMARY KEY, name TEXT NOT NULL, organization_id TEXT NOT NULL,
                      user_id TEXT NOT NULL, created_at INTEGER NOT NULL, published_version INTEGER NOT NULL,
                      failure_every INTEGER);
                    CREATE INDEX agents_name ON agents(name COLLATE NOCASE);
                    CREATE TABLE workflow_versions (
                      id TEXT PRIMARY KEY, agent_id TEXT NOT NULL REFERENCES agents(id), version INTEGER NOT NULL,
                      published INTEGER NOT NULL, UNIQUE(agent_id, version));
                    """)
        }
        migrator.registerMigration("002-executions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE executions (
                      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, organization_id TEXT NOT NULL,
                      workflow_id TEXT NOT NULL, workflow_version INTEGER, status TEXT NOT NULL,
                      created_at INTEGER NOT NULL, started_at INTEGER, outcome TEXT, trigger_source TEXT,
                      profile_id TEXT, batch_id TEXT, has_script_failures INTEGER NOT NULL DEFAULT 0,
                      deleted_at INTEGER, seeded INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL);
                    CREATE INDEX executions_created ON executions(created_at);
                    CREATE INDEX executions_started ON executions(started_at);
                    CREATE INDEX executions_status ON executions(status, created_at);
                    CREATE INDEX executions_workflow ON executions(workflow_id, created_at);
                    CREATE INDEX executions_org ON executions(organization_id, created_at);
                    CREATE INDEX executions_version ON executions(workflow_version);
                    CREATE INDEX executions_outcome ON executions(outcome);
                    CREATE TABLE execution_metadata (
                      execution_seq INTEGER NOT NULL REFERENCES executions(seq),
                      key TEXT NOT NULL, value TEXT NOT NULL);
                    CREATE INDEX execution_metadata_pair ON execution_metadata(key, value);
                    CREATE INDEX execution_metadata_seq ON execution_metadata(execution_seq);
                    CREATE TABLE execution_inputs (
                      execution_seq INTEGER NOT NULL REFERENCES executions(seq),
                      key TEXT NOT NULL, value TEXT NOT NULL);
                    CREATE INDEX execution_inputs_key ON execution_inputs(key, execution_seq);
                    CREATE INDEX execution_inputs_seq ON execution_inputs(execution_seq);
                    CREATE TABLE execution_labels (
                      execution_seq INTEGER NOT NULL REFERENCES executions(seq), label_id TEXT NOT NULL);
                    CREATE INDEX execution_labels_label ON execution_labels(label_id, execution_seq);
                    """)
        }
        migrator.registerMigration("003-lifecycle") { db in
            try db.execute(
                sql: """
                    CREATE TABLE live_plans (
                      execution_seq INTEGER PRIMARY KEY REFERENCES executions(seq), step INTEGER NOT NULL,
                      steps INTEGER NOT NULL, step_ms INTEGER NOT NULL, next_at INTEGER, outcome TEXT NOT NULL);
                    CREATE INDEX live_plans_next ON live_plans(next_at) WHERE next_at IS NOT NULL;
                    CREATE TABLE activities (
                      seq INTEGER PRIMARY KEY, id TEXT NOT NULL,
                          execution_seq INTEGER NOT NULL REFERENCES executions(seq),
                      timestamp INTEGER NOT NULL, payload TEXT NOT NULL);
                    CREATE INDEX activities_execution ON activities(execution_seq, timestamp, seq);
                    """)
        }
        migrator.registerMigration("004-temp-files") { db in
            try db.execute(
                sql: """
                    CREATE TABLE temp_files (
                      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
                      mime_type TEXT NOT NULL, created_at INTEGER NOT NULL, execution_id TEXT);
                    CREATE TABLE sandbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        // Listing filters on `deleted_at IS NULL` always. Without this partial index, COUNT(*) and every
        // OFFSET walk read the table's rows (each holds the execution's JSON body), so a deep page of
        // 100,000 executions cost ~0.2 s; with it both walk the index alone.
        migrator.registerMigration("005-live-executions-index") { db in
            try db.execute(
                sql: """
                    CREATE INDEX executions_live_created ON executions(created_at) WHERE deleted_at IS NULL;
                    CREATE INDEX executions_live_status ON executions(status, created_at) WHERE deleted_at IS NULL;
                    """)
        }
        // Execute and rerun number the new run among its workflow's executions (the number decides its
        // planned outcome). Counting them scanned the workflow's index entries on every insert (9% of a
        // rerun's CPU at 5,000 executions, growing with the data); the count now lives on the agent row,
        // kept exact by a trigger on every insert.
        migrator.registerMigration("006-agent-execution-count") { db in
            try db.execute(
                sql: """
                    ALTER TABLE agents ADD COLUMN execution_count INTEGER NOT NULL DEFAULT 0;
                    UPDATE agents SET execution_count = (SELECT COUNT(*) FROM executions WHERE workflow_id = agents.id);
                    \(Self.countTrigger);
                    """)
        }
        // Every listing filters `deleted_at IS NULL` and walks 005's partial indexes, so the full
        // `created_at` and `(status, created_at)` indexes only cost two more B-tree writes per insert and
        // per status change (measured as part of the bulk rerun's write transaction). The query-plan test
        // checks each listing still walks an index.
        migrator.registerMigration("007-drop-indexes-the-live-ones-replace") { db in
            try db.execute(sql: "DROP INDEX executions_created; DROP INDEX executions_status;")
        }
        return migrator
    }

    /// Keeps `agents.execution_count` in step with the executions inserted (bulk seeding drops it and
    /// recounts once instead).
    static let countTrigger = """
        CREATE TRIGGER executions_count_insert AFTER INSERT ON executions BEGIN
          UPDATE agents SET execution_count = execution_count + 1 WHERE id = NEW.workflow_id;
        END
        """
}

/// Milliseconds since 1970: how every timestamp is stored (the wire carries millisecond precision).
extension Date {
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
