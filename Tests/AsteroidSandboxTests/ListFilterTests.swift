import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

/// Every filter is checked against an oracle: the same predicate applied in Swift to every execution.
@Suite("list executions: filters and sorts")
struct ListFilterTests {
    static func ids(_ items: [Execution]) -> Set<String> { Set(items.map(\.id)) }

    static func check(
        _ client: Client, _ query: String, _ expected: [Execution],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let page = try await client.page(query + "&pageSize=100")
        #expect(page.total == expected.count, "\(query)", sourceLocation: sourceLocation)
        #expect(Self.ids(page.items) == Self.ids(expected), "\(query)", sourceLocation: sourceLocation)
        #expect(
            !expected.isEmpty || query.contains("none"), "oracle for \(query) is empty", sourceLocation: sourceLocation)
    }

    @Test("each filter matches the oracle")
    func filters() async throws {
        let harness = try await Harness.make(executions: 90, seed: 11)
        let now = harness.clock.now
        try await harness.test { client in try await Self.filterChecks(client, now: now) }
    }

    @Test("runs created by execute and rerun are found by their inputs and metadata (also past 100 inputs)")
    func filtersOnNewRuns() async throws {
        let harness = try await Harness.make(executions: 5, seed: 4)
        try await harness.test { client in
            let agent = try await client.agentId("Price Monitor")
            let many = (0..<150).map { #""k\#($0)":"v\#($0)""# }.joined(separator: ",")
            let body = #"{"inputs":{"vendor":"Zeta Corp",\#(many)},"metadata":{"team":"ops","tier":"gold"}}"#
            let id = try await client.execute(agent, body)
            let rerun = try await client.call(.post, "/executions/\(id)/rerun")
            let rerunId = try rerun.decode(ExecuteResponse.self).executionId
            for query in [
                "inputsKey=vendor&inputsValue=zeta", "inputsKey=k149&inputsValue=v149",
                "metadataKey=tier&metadataValue=gold", "metadata=team%3Dops&metadata=tier%3Dgold",
            ] {
                let page = try await client.page(query + "&pageSize=100")
                #expect(Self.ids(page.items) == [id, rerunId], "\(query)")
            }
            #expect(try await client.page("inputsKey=k150&inputsValue=v&pageSize=100").total == 0)
        }
    }

    @Test("a listing's total (remembered between pages) follows every write")
    func totalsFollowWrites() async throws {
        let harness = try await Harness.make(executions: 40, seed: 6)
        try await harness.test { client in
            let agent = try await client.agentId("Price Monitor")
            let query = "workflowId=\(agent)&pageSize=5"
            let before = try await client.page(query).total
            #expect(try await client.page(query + "&page=2").total == before)
            let id = try await client.execute(agent)
            #expect(try await client.page(query).total == before + 1)
            _ = try await client.call(.post, "/executions/\(id)/rerun")
            #expect(try await client.page(query + "&page=2").total == before + 2)
            let terminal = try await client.page(query + "&phase=terminal").total
            try await harness.finishAll()  // lifecycle writes: the new runs finish
            let terminalAfter = try await client.page(query + "&phase=terminal").total
            let open = try await client.page(query + "&phase=pending&phase=active").total
            #expect(terminalAfter > terminal)
            #expect(terminalAfter + open == before + 2)
        }
    }

    static func filterChecks(_ client: Client, now: Date) async throws {
        do {
            let all = try await client.all()
            #expect(all.count == 90)
            try await Self.check(
                client, "status=running&status=paused", all.filter { [.running, .paused].contains($0.status) })
            try await Self.check(client, "phase=terminal", all.filter { $0.status.isTerminal })
            try await Self.check(client, "phase=pending&status=queued", all.filter { $0.status == .queued })
            let labelled = try #require(all.first { !$0.humanLabels.isEmpty }?.humanLabels[0])
            let other = try #require(all.flatMap(\.humanLabels).first { $0.id != labelled.id })
            try await Self.check(
                client, "humanLabels=\(labelled.id)&humanLabels=\(other.id)",
                all.filter { e in
                    e.humanLabels.contains { $0.id == labelled.id || $0.id == other.id }
                })
            let fragment = String(all[3].id.dropFirst(4).prefix(6)).uppercased()
            try await Self.check(
                client, "executionId=\(fragment)", all.filter { $0.id.uppercased().contains(fragment) })
            try await Self.check(
                client, "outcomeLabel=TIMEOUT",
                all.filter {
                    $0.executionResult?.outcome.lowercased().contains("timeout") == true
                })
            try await Self.check(
                client, "inputsKey=vendor&inputsValue=acme",
                all.filter {
                    $0.inputs?["vendor"]?.stringValue?.lowercased().contains("acme") == true
                })
            try await Self.check(
                client, "metadataKey=env&metadataValue=staging", all.filter { $0.metadata?["env"] == "staging" })
            try await Self.check(
                client, "metadata=env%3Dprod&metadata=customer%3Dacme",
                all.filter {
                    $0.metadata?["env"] == "prod" && $0.metadata?["customer"] == "acme"
                })
            let middle = all.map(\.createdAt).sorted()[45]
            let stamp = RFC3339.format(middle)
            try await Self.check(client, "createdAfter=\(stamp)", all.filter { $0.createdAt >= middle })
            try await Self.check(client, "createdBefore=\(stamp)", all.filter { $0.createdAt <= middle })
            try await Self.check(
                client, "createdWithin=7d", all.filter { $0.createdAt >= now.addingTimeInterval(-7 * 86_400) })
            try await Self.check(client, "workflowVersion=2", all.filter { $0.workflowVersion == 2 })
            let agent = all[0].workflowId
            try await Self.check(client, "agentId=\(agent)", all.filter { $0.agentId == agent })
            try await Self.check(client, "workflowId=\(agent.uppercased())", all.filter { $0.workflowId == agent })
            let org = all[0].organizationId
            try await Self.check(client, "organizationId=\(org)", all.filter { $0.organizationId == org })
            let profile = try #require(all.compactMap(\.profileId).first)
            try await Self.check(client, "profileIds=\(profile)", all.filter { $0.profileId == profile })
            try await Self.check(client, "agentProfileIds=\(profile)", all.filter { $0.agentProfileId == profile })
            try await Self.check(
                client, "triggerSource=schedule", all.filter { $0.triggerContext?.source == .schedule })
            try await Self.check(client, "hasScriptFailures=true", all.filter { !($0.scriptFailures ?? []).isEmpty })
            try await Self.check(
                client, "status=completed&metadataKey=env&metadataValue=prod",
                all.filter {
                    $0.status == .completed && $0.metadata?["env"] == "prod"
                })
            try await Self.check(client, "executionId=none-such", all.filter { _ in false })
        }
    }

    static let sorts: [(String, ExecutionSortField, Bool)] = [
        ("sortField=created_at&sortDirection=asc", .createdAt, true),
        ("sortField=created_at", .createdAt, false),
        ("sort=created_at:asc", .createdAt, true),
        ("sortField=status&sortDirection=asc", .status, true),
        ("sort=status:desc", .status, false),
        ("sortField=started_at&sortDirection=desc", .startedAt, false),
        ("sort=started_at:asc", .startedAt, true),
        ("", .createdAt, false),
    ]

    @Test("sorts", arguments: sorts)
    func sorting(_ query: String, _ field: ExecutionSortField, _ ascending: Bool) async throws {
        let harness = try await Harness.make(executions: 40, seed: 3)
        try await harness.test { client in
            let items = try await client.page(query + "&pageSize=100").items
            #expect(items.count == 40)
            let keys: [String] = items.map { e in
                switch field {
                case .status: e.status.rawValue
                case .startedAt: e.startedAt.map { String(format: "%015.3f", $0.timeIntervalSince1970) } ?? ""
                default: String(format: "%015.3f", e.createdAt.timeIntervalSince1970)
                }
            }
            #expect(keys == (ascending ? keys.sorted() : keys.sorted(by: >)), "\(query)")
        }
    }

    @Test("pagination: defaults, last page, beyond the last page, pageSize 100")
    func pagination() async throws {
        let harness = try await Harness.make(executions: 25, seed: 5)
        try await harness.test { client in
            let first = try await client.page("")
            #expect(first.page == 1 && first.pageSize == 10 && first.total == 25 && first.items.count == 10)
            let last = try await client.page("page=3")
            #expect(last.items.count == 5 && last.isLast)
            let beyond = try await client.page("page=9")
            #expect(beyond.items.isEmpty && beyond.total == 25 && beyond.page == 9)
            let big = try await client.page("pageSize=100")
            #expect(big.items.count == 25 && big.pageSize == 100)
            let pages = try await [client.page("page=1"), client.page("page=2"), client.page("page=3")]
            #expect(Set(pages.flatMap(\.items).map(\.id)) == Set(big.items.map(\.id)))
        }
    }
}
