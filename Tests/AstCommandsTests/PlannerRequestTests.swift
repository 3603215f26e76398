import AstCommands
import AsteroidModels
import Foundation
import Testing

/// What the planner sends: one request per count, one page of the right size for `first`, the API's
/// sort for `sort-by` and `last`; and what it does when the server ignores a pushed filter.
@Suite("query planner: requests sent", .serialized)
struct PlannerRequestTests {
    static func value(_ items: [(name: String, value: String)], _ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    @Test("count over list and over an exact where reads total from one page of one")
    func countReadsTotal() async throws {
        let harness = try await PlannerHarness.start(executions: 450)
        let all = try await harness.executions()
        let failed = all.filter { $0.status == .failed }.count
        harness.reset()
        let plain = await harness.run("list | count")
        #expect(plain.out == "\(all.count)\n", "\(plain.err)")
        #expect(harness.listQueries.count == 1)
        #expect(harness.listQueries.first.map { Self.value($0, "pageSize") } == ["1"])
        harness.reset()
        let filtered = await harness.run("list | where .status == \"failed\" | count")
        #expect(filtered.out == "\(failed)\n", "\(filtered.err)")
        #expect(harness.listQueries.count == 1)
        #expect(harness.listQueries.first.map { Self.value($0, "status") } == ["failed"])
        // Off: the pages, one by one (450 at 100 a page).
        harness.reset()
        let off = await harness.run("list | where .status == \"failed\" | count", pushdown: false)
        #expect(off.out == filtered.out)
        #expect(harness.listQueries.count == 5)
        await harness.stop()
    }

    @Test("a kept condition means paging: count stays on the client")
    func keptConditionPages() async throws {
        let harness = try await PlannerHarness.start(executions: 250)
        let result = await harness.run("list | where .status == \"failed\" and .agentName != \"x\" | count")
        #expect(result.code == 0, "\(result.err)")
        #expect(harness.listQueries.count > 1 || harness.listQueries.first.map { Self.value($0, "pageSize") } != ["1"])
        #expect(harness.listQueries.allSatisfy { Self.value($0, "status") == ["failed"] })
        await harness.stop()
    }

    @Test("first N after an exact where asks for one page of N")
    func firstAsksOnePage() async throws {
        let harness = try await PlannerHarness.start(executions: 300)
        let result = await harness.run(
            "list | where .status == \"failed\" and .createdAt > 2020-01-01 | first 3 | .id")
        #expect(result.out.split(separator: "\n").count == 3, "\(result.err)")
        #expect(harness.listQueries.count == 1)
        let query = harness.listQueries.first ?? []
        #expect(Self.value(query, "pageSize") == ["3"])
        #expect(Self.value(query, "createdAfter") == ["2020-01-01T00:00:00.001Z"])
        await harness.stop()
    }

    @Test("sort-by createdAt becomes the API's sort; last asks for the opposite order")
    func sortAndLast() async throws {
        let harness = try await PlannerHarness.start(executions: 300)
        let all = try await harness.executions()
        let oldest = all.min { $0.createdAt < $1.createdAt }?.id ?? ""
        let sorted = await harness.run("list | sort-by createdAt | first | .id")
        #expect(sorted.out == "\(oldest)\n", "\(sorted.err)")
        #expect(harness.listQueries.first.map { Self.value($0, "sort") } == ["created_at:asc"])
        #expect(harness.listQueries.count == 1)
        harness.reset()
        let last = await harness.run("list | last | .id")
        #expect(last.out == "\(oldest)\n", "\(last.err)")
        #expect(harness.listQueries.count == 1)
        #expect(harness.listQueries.first.map { Self.value($0, "pageSize") } == ["1"])
        harness.reset()
        let lastTwo = await harness.run("list | last 2 | .id", pushdown: true)
        let lastTwoOff = await harness.run("list | last 2 | .id", pushdown: false)
        #expect(lastTwo.out == lastTwoOff.out)
        await harness.stop()
    }

    @Test("a server that ignores the pushed status: count pages instead of trusting total")
    func ignoredFilterCount() async throws {
        let harness = try await PlannerHarness.start(executions: 300, stripping: ["status"])
        let failed = try await harness.executions().filter { $0.status == .failed }.count
        let result = await harness.run("list | where .status == \"failed\" | count")
        #expect(result.out == "\(failed)\n", "\(result.err)")
        // The first item of the one-item page was not failed: the pages are read and counted instead.
        #expect(harness.listQueries.count > 1)
        await harness.stop()
    }

    @Test("a server that ignores the pushed status does not widen a rerun")
    func ignoredFilterRerun() async throws {
        let harness = try await PlannerHarness.start(executions: 300, stripping: ["status"])
        let failed = Set(try await harness.executions().filter { $0.status == .failed }.map(\.id))
        #expect(failed.count > 3)
        let result = await harness.run(
            "list | where .status == \"failed\" | rerun --again | .parentExecutionId", dryRun: true)
        let targets = result.out.split(separator: "\n").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        #expect(Set(targets) == failed, "\(result.err)")
        #expect(targets.count == failed.count)
        await harness.stop()
    }

    @Test("set pushdown false runs the pipeline as written")
    func pushdownOff() async throws {
        let harness = try await PlannerHarness.start(executions: 300)
        let result = await harness.run("set pushdown false\nlist | count")
        #expect(result.out == "300\n", "\(result.err)")
        #expect(harness.listQueries.count == 3)
        #expect(
            harness.listQueries.allSatisfy {
                Self.value($0, "pageSize") == ["100"] || Self.value($0, "pageSize").isEmpty
            })
        await harness.stop()
    }

    @Test("set trace true prints each request with its status and time, key never shown")
    func trace() async throws {
        let harness = try await PlannerHarness.start(executions: 100)
        let result = await harness.run("set trace true\nlist | where .status == \"failed\" | count")
        #expect(result.err.contains("trace: GET /executions?pageSize=1&status=failed&createdBefore="), "\(result.err)")
        #expect(result.err.contains(" → 200 in "), "\(result.err)")
        #expect(!result.err.contains("test-key"))
        let quiet = await harness.run("list | count")
        #expect(!quiet.err.contains("trace:"))
        await harness.stop()
    }
}
