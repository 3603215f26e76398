import AsteroidModels
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("seed, persistence and restart")
struct SeedAndStoreTests {
    @Test("same seed → same data; another seed → other data")
    func determinism() async throws {
        func firstPage(_ seed: UInt64) async throws -> String {
            let harness = try await Harness.make(executions: 120, seed: seed)
            return try await harness.test { client in
                try await client.call(.get, "/executions?pageSize=100&page=1").text
            }
        }
        let a = try await firstPage(42)
        let b = try await firstPage(42)
        let c = try await firstPage(43)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("the demo data covers every status, trigger source, reruns, labels, comments and timeouts")
    func coverage() async throws {
        let harness = try await Harness.make(executions: 300, seed: 1)
        try await harness.test { client in
            let all = try await client.all()
            #expect(Set(all.map(\.status)) == Set(ExecutionStatus.allKnown))
            #expect(Set(all.compactMap { $0.triggerContext?.source }) == [.api, .ui, .schedule])
            #expect(all.contains { $0.executionResult?.outcome.contains("timeout") == true })
            #expect(all.contains { !$0.comments.isEmpty } && all.contains { !$0.humanLabels.isEmpty })
            let reruns = all.filter { $0.parentExecutionId != nil }
            #expect(!reruns.isEmpty)
            for rerun in reruns {
                let parent = try #require(all.first { $0.id == rerun.parentExecutionId })
                #expect(parent.hasBeenRerun && parent.inputs == rerun.inputs)
            }
            #expect(Set(all.map(\.agentName)).count == 6)
            #expect(all.allSatisfy { $0.workflowName == $0.agentName && $0.workflowVersionId != nil })
            let anchor = harness.services.config.effectiveSeedAnchor
            #expect(
                all.allSatisfy { $0.createdAt <= anchor && $0.createdAt >= anchor.addingTimeInterval(-31 * 86_400) })
            let seeded = try #require(all.first { $0.status == .completed })
            let feed = try await client.get([Activity].self, "/executions/\(seeded.id)/activities")
            #expect(feed.first?.payload.status == .starting && feed.last?.payload.activityType == .terminal)
            #expect(try await client.get([Activity].self, "/executions/\(seeded.id)/activities") == feed)
        }
    }

    @Test("a file database keeps state, is seeded once, and a running execution continues after a restart")
    func restart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/sandbox.sqlite").path
        let first = try await Harness.make(executions: 20, path: path)
        #expect(first.services.seedingSeconds != nil)
        let id = try await first.test { client in
            let id = try await client.execute(try await client.agentId("Invoice Processor"))
            try await first.advance(by: 1)
            return id
        }
        let second = try await Harness.make(executions: 20, path: path)
        #expect(second.services.seedingSeconds == nil)
        try await second.test { client in
            #expect(try await client.page("").total == 21)
            #expect(try await client.get(Execution.self, "/executions/\(id)").status == .running)
            try await second.finishAll()
            #expect(try await client.get(Execution.self, "/executions/\(id)").status == .completed)
        }
    }

    @Test("the migrations are ordered and named")
    func migrations() {
        #expect(
            SandboxDatabase.migrator.migrations == [
                "001-agents", "002-executions", "003-lifecycle", "004-temp-files", "005-live-executions-index",
                "006-agent-execution-count", "007-drop-indexes-the-live-ones-replace",
            ])
    }

    @Test("each agent's execution count stays equal to counting its rows: seeded, executed, rerun, migrated")
    func executionCounts() async throws {
        func mismatches(_ writer: any DatabaseWriter) async throws -> [String] {
            try await writer.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT a.name FROM agents a
                        WHERE a.execution_count != (SELECT COUNT(*) FROM executions e WHERE e.workflow_id = a.id)
                        """)
            }
        }
        let harness = try await Harness.make(executions: 300)
        let writer = try #require((harness.services.repository as? SQLiteRepository)?.writer)
        #expect(try await mismatches(writer) == [])
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            let before = try await harness.services.repository.countExecutions(workflowId: agent)
            #expect(before > 0)
            let id = try await client.execute(agent)
            #expect(try await client.call(.post, "/executions/\(id)/rerun").status == .accepted)
            let failed = try await client.page("status=failed&pageSize=3").items
            for e in failed { #expect(try await client.call(.post, "/executions/\(e.id)/rerun").status == .accepted) }
            #expect(try await harness.services.repository.countExecutions(workflowId: agent) >= before + 2)
        }
        #expect(try await mismatches(writer) == [])

        // A database made before the count existed gets it filled in by the migration.
        let old = try DatabaseQueue()
        try SandboxDatabase.migrator.migrate(old, upTo: "005-live-executions-index")
        let seeded = SeedDataShapeTests.generate(200)
        let agents = SeedCatalog(seed: 3, anchor: SeedDataShapeTests.anchor).agents
        try await old.write { db in
            for agent in agents {
                try db.execute(
                    sql: """
                        INSERT INTO agents (id, name, organization_id, user_id, created_at, published_version)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [agent.id, agent.name, agent.organizationId, agent.userId, agent.createdAt.millis, 1])
            }
            for var state in seeded {
                state.seq = 0
                _ = try SQLiteRepository.insertRow(db, state)
            }
        }
        try SandboxDatabase.migrator.migrate(old)
        #expect(try await mismatches(old) == [])
        let total = try await old.read { db in try Int.fetchOne(db, sql: "SELECT SUM(execution_count) FROM agents") }
        #expect(total == 200)
    }

    /// Deep pages of 100,000 executions stay cheap only if the default listing walks an index: a temporary
    /// B-tree means every page sorts every matching row (0.2 s a page at 100,000 before this was fixed).
    @Test(
        "default and status listings walk an index, never sort all rows per page",
        arguments: [nil, "failed"], [false, true])
    func listingUsesAnIndex(status: String?, sortByStatus: Bool) throws {
        let db = try DatabaseQueue()
        try SandboxDatabase.migrator.migrate(db)
        var query = ListExecutionsQuery()
        if let status { query.status = [ExecutionStatus(rawValue: status)] }
        if sortByStatus { query.sortField = .status }
        let filter = SQLiteRepository.whereClause(query, now: Date())
        var arguments = filter.arguments
        arguments += [100, 99_000]
        let plan = try db.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + SQLiteRepository.pageSQL(query, filter: filter.sql),
                arguments: arguments
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX") }, "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "plan: \(plan)")
    }

    @Test("seeding 5 000 executions works and every filter still answers")
    func biggerSeed() async throws {
        let harness = try await Harness.make(executions: 5_000, seed: 2)
        try await harness.test { client in
            let page = try await client.page("status=failed&outcomeLabel=timeout&sort=started_at:desc&pageSize=100")
            #expect(page.total > 0 && page.items.allSatisfy { $0.status == .failed })
            #expect(try await client.page("").total == 5_000)
        }
    }
}
