import AstCommands
import AsteroidModels
import AsteroidSandbox
import Foundation
import SnapshotSupport
import Testing

/// The planner's proof: generated `where` predicates over the fields it pushes down (and some it does
/// not), run with pushdown on and off against the same frozen sandbox, give the same output,
/// diagnostics and exit code. `PLANNER_SEED=N` replays a seed; a failure prints it.
@Suite("query planner: pushdown changes no result", .serialized)
struct PlannerDifferentialTests {
    /// What the data offers: ids, times, metadata and inputs actually present, so predicates match some.
    struct Pool {
        var ids: [String] = []
        var workflows: [String] = []
        var times: [Date] = []
        var metadata: [(String, String)] = []
        var inputs: [(String, String)] = []
        var outcomes: [String] = []
        var versions: [Int] = []
        var names: [String] = []

        init(_ executions: [Execution]) {
            for e in executions {
                ids.append(e.id)
                workflows.append(e.workflowId)
                times.append(e.createdAt)
                for (k, v) in e.metadata ?? [:] { metadata.append((k, v)) }
                for (k, v) in e.inputs ?? [:] { if case .string(let s) = v { inputs.append((k, s)) } }
                if let outcome = e.executionResult?.outcome { outcomes.append(outcome) }
                if let version = e.workflowVersion { versions.append(version) }
                names.append(e.agentName)
            }
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A time literal near a creation time `m` (milliseconds): on it, a millisecond either side, or a
    /// fraction of a millisecond past one of those (`….1234Z`), or hours and days away.
    static func time(_ g: inout TestRandom, _ pool: Pool) -> String {
        let base = (g.pick(pool.times).timeIntervalSince1970 * 1000).rounded()
        let millis = base + g.pick([0, 0, 1, -1, 3_600_000, -259_200_000])
        var text = RFC3339.format(Date(timeIntervalSince1970: millis / 1000))
        if !text.contains(".") { text = String(text.dropLast()) + ".000Z" }
        let digit = g.pick(["", "", "4", "6", "0001"])
        return String(text.dropLast()) + digit + "Z"
    }

    static func atom(_ g: inout TestRandom, _ pool: Pool) -> String {
        let statuses = ExecutionStatus.knownRawValues + ["FAILED", "bogus"]
        switch g.int(18) {
        case 16, 17:
            let op = g.pick([">", ">=", "<", "<="])
            return ".createdAt \(op) \(time(&g, pool))"
        case 0, 1: return ".status == \(quoted(g.pick(statuses)))"
        case 2: return "\(quoted(g.pick(statuses))) == .status"
        case 3: return ".status != \(quoted(g.pick(statuses)))"
        case 4:
            let list = (0...g.int(3)).map { _ in quoted(g.pick(statuses)) }.joined(separator: ", ")
            return ".status in [\(list)]"
        case 5:
            let op = g.pick([">", ">=", "<", "<="])
            return g.int(4) == 0 ? "\(time(&g, pool)) \(op) .createdAt" : ".createdAt \(op) \(time(&g, pool))"
        case 6: return ".createdAt > \(time(&g, pool)) - \(g.pick(["1h", "2d", "30m"]))"
        case 7:
            let id = g.pick(pool.workflows)
            return "\(g.pick([".workflowId", ".agentId"])) == \(quoted(g.int(5) == 0 ? id.uppercased() : id))"
        case 8:
            guard !pool.metadata.isEmpty else { return ".status == \"failed\"" }
            let (k, v) = g.pick(pool.metadata)
            let value = g.pick([v, v.uppercased(), String(v.prefix(2))])
            return g.int(3) == 0 ? ".metadata.\(k) == \(quoted(value))" : ".metadata.\(k)? == \(quoted(value))"
        case 9:
            guard !pool.inputs.isEmpty else { return ".status == \"failed\"" }
            let (k, v) = g.pick(pool.inputs)
            return ".inputs.\(k)? == \(quoted(g.pick([v, v.uppercased(), String(v.prefix(3))])))"
        case 10:
            guard !pool.outcomes.isEmpty else { return ".status == \"failed\"" }
            let o = g.pick(pool.outcomes)
            return ".executionResult.outcome? == \(quoted(g.pick([o, o.uppercased(), String(o.prefix(3))])))"
        case 11:
            guard !pool.versions.isEmpty else { return ".status == \"failed\"" }
            return ".workflowVersion == \(g.pick(pool.versions))"
        case 12:
            let id = g.pick(pool.ids)
            return ".id == \(quoted(g.pick([id, String(id.prefix(8)), id.uppercased()])))"
        case 13: return ".agentName != \(quoted(g.pick(pool.names)))"
        case 14: return "not (.status == \(quoted(g.pick(statuses))))"
        default: return ".agentName =~ \(quoted(String(g.pick(pool.names).prefix(3))))"
        }
    }

    static func predicate(_ g: inout TestRandom, _ pool: Pool) -> String {
        var parts: [String] = []
        for _ in 0...g.int(3) {
            if g.int(6) == 0 {
                parts.append("(\(atom(&g, pool)) or \(atom(&g, pool)))")
            } else {
                parts.append(atom(&g, pool))
            }
        }
        return parts.joined(separator: " and ")
    }

    static let tails = [
        "count", ".id", "first 3 | .id", "first | .id", "last 2 | .id", "last | .id",
        "sort-by createdAt --desc | first 4 | .id", "sort-by status --desc | .id", "sort-by createdAt | first 4 | .id",
    ]

    @Test("createdAt compared at, around and between the milliseconds of creation times")
    func timeBoundaries() async throws {
        let harness = try await PlannerHarness.start(seed: 11, executions: 300)
        let times = try await harness.executions().map(\.createdAt)
        var g = TestRandom(seed: 99, variable: "PLANNER_SEED")
        var literals: [String] = []
        for _ in 0..<3 {
            let millis = (g.pick(times).timeIntervalSince1970 * 1000).rounded()
            for delta in [-1.0, 0, 1] {
                var text = RFC3339.format(Date(timeIntervalSince1970: (millis + delta) / 1000))
                if !text.contains(".") { text = String(text.dropLast()) + ".000Z" }
                for digit in ["", "4", "6", "0001"] { literals.append(String(text.dropLast()) + digit + "Z") }
            }
        }
        for literal in literals {
            for op in [">", ">=", "<", "<="] {
                let program = "list | where .createdAt \(op) \(literal) | count"
                let off = await harness.run(program, pushdown: false)
                let on = await harness.run(program, pushdown: true)
                #expect(
                    on.out == off.out && on.code == off.code,
                    "\(program)\noff: \(off.out)\(off.err)\non: \(on.out)\(on.err)")
            }
        }
        await harness.stop()
    }

    @Test("generated predicates give the same output with and without pushdown")
    func differential() async throws {
        let harness = try await PlannerHarness.start(seed: 11, executions: 300)
        let pool = Pool(try await harness.executions())
        var g = TestRandom(seed: 20_261_202, variable: "PLANNER_SEED")
        let seed = g.seed
        var pushedRequests = 0
        var plainRequests = 0
        for index in 0..<160 {
            let program = "list | where \(Self.predicate(&g, pool)) | \(Self.tails[index % Self.tails.count])"
            harness.reset()
            let off = await harness.run(program, pushdown: false)
            plainRequests += harness.listQueries.count
            harness.reset()
            let on = await harness.run(program, pushdown: true)
            pushedRequests += harness.listQueries.count
            #expect(
                on.out == off.out,
                "seed \(seed), case \(index): \(program)\noff: \(off.out.prefix(400))\non: \(on.out.prefix(400))")
            #expect(on.err == off.err, "seed \(seed), case \(index): \(program)\noff: \(off.err)\non: \(on.err)")
            #expect(on.code == off.code, "seed \(seed), case \(index): \(program)")
        }
        // The planner earns its keep: far fewer list requests over the same programs.
        #expect(pushedRequests < plainRequests, "seed \(seed): \(pushedRequests) vs \(plainRequests) requests")
        await harness.stop()
    }
}

extension TestRandom {
    /// A number in 0..<n (0 when n is not positive).
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    /// One of the items, which must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}
