import AstRuntime
import AstSyntax
import AsteroidModels
import Foundation

/// What the query planner makes of `list … | stages`: the query to send, how the first stages are
/// answered by the API, and the stages still to run on the client. Built without sending anything.
struct ListPlan {
    /// How `list` answers.
    enum Answer: Equatable {
        /// Pages of executions, as a stream (the usual way).
        case stream
        /// `count` over an exactly pushed filter: one page of one item, and its `total`.
        case total
    }

    /// One line of `explain`: a stage or conjunct, where it runs, and why.
    struct Note {
        var text: String
        var onServer: Bool
        var detail: String
    }

    /// The list's own query with the pushed filters merged in (before the snapshot bound).
    var query: ListExecutionsQuery
    /// Only the pushed filters, re-checked on every item that comes back.
    var pushed = ListExecutionsQuery()
    var answer = Answer.stream
    var notes: [Note] = []
    /// Stages after `list` still to run; nil when nothing was changed.
    var remaining: [Stage]?
    var pushedAny = false

    /// Plans `list` followed by `following`. `enabled` false (`set pushdown false`) plans nothing.
    static func make(
        query: ListExecutionsQuery, call: Invocation, following: [Stage], enabled: Bool
    ) async -> ListPlan {
        var plan = ListPlan(query: query)
        guard enabled else {
            plan.notes = following.map {
                Note(text: call.env.source.text(of: $0.span), onServer: false, detail: "pushdown is off")
            }
            return plan
        }
        let builder = Builder(call: call, following: following)
        await builder.build(&plan)
        return plan
    }
}

extension ListPlan {
    /// Walks the stages after `list` once, left to right.
    struct Builder {
        let call: Invocation
        let following: [Stage]

        var env: Env { call.env }
        func text(_ span: Span) -> String { env.source.text(of: span) }

        /// A stage that calls the registered command `name` (not a `def` of the same name).
        func command(_ stage: Stage?, _ name: String) -> CommandCall? {
            guard case .command(let c)? = stage, c.name == name, env.scope.function(name) == nil else { return nil }
            return c
        }

        /// The user's list arguments that fix the order or the window of the listing.
        var listFixesOrder: Bool {
            call.named.keys.contains {
                ["sort", "sortField", "sortDirection", "limit", "page", "pageSize"].contains($0)
            }
        }

        func build(_ plan: inout ListPlan) async {
            // `limit=`/`page=` take their window of the listing before any stage after it sees an item.
            if call.named["limit"] != nil || call.named["page"] != nil {
                for stage in following {
                    plan.notes.append(
                        Note(
                            text: text(stage.span), onServer: false,
                            detail: "the list's limit=/page= takes its window first; this stage reads that window"))
                }
                return
            }
            var index = 0
            var allExact = true
            // No kept condition can fail: reading fewer items (or in another order) hides no error.
            var allSafe = true
            var kept: [Stage] = []
            let analysis = WhereAnalysis(interpreter: call.interpreter, env: env)
            // 1. `where` stages: push what the API can answer; the stage still runs on the client.
            while let stage = following[safe: index], let c = command(stage, "where"), c.arguments.count == 1,
                case .positional(let condition) = c.arguments[0]
            {
                for (conjunct, outcome, mayFail) in await analysis.analyze(condition) {
                    if mayFail { allSafe = false }
                    switch outcome {
                    case .pushed(let filter):
                        var merged = plan.query
                        if let refused = filter.merge(into: &merged) {
                            allExact = false
                            plan.notes.append(Note(text: conjunct, onServer: false, detail: refused))
                            continue
                        }
                        plan.query = merged
                        _ = filter.merge(into: &plan.pushed)
                        plan.pushedAny = true
                        allExact = allExact && filter.exact
                        plan.notes.append(
                            Note(
                                text: conjunct, onServer: true,
                                detail: filter.exact ? "exact" : "narrows the pages; the client applies the exact test")
                        )
                    case .kept(let reason):
                        allExact = false
                        plan.notes.append(Note(text: conjunct, onServer: false, detail: reason))
                    }
                }
                kept.append(stage)
                index += 1
            }
            var rest = Array(following[index...])
            // Why a stage after the wheres stays on the client, when there is more to say than that.
            var reasons: [Int: String] = [:]
            // 2. `sort-by createdAt|status [--desc]`: the API's sort.
            if !listFixesOrder, let c = command(rest.first, "sort-by"), let sort = Self.sort(c) {
                if !allSafe {
                    reasons[c.span.start] = Self.unsafeOrder
                } else if let reason = sort.refusal {
                    reasons[c.span.start] = reason
                } else {
                    plan.query.sort = sort.value
                    plan.notes.append(Note(text: text(c.span), onServer: true, detail: "sort=\(sort.value)"))
                    rest.removeFirst()
                    plan.pushedAny = true
                }
            }
            // 3. What reads the listing.
            if let c = command(rest.first, "count"), c.arguments.isEmpty, allExact, call.named["page"] == nil {
                plan.answer = .total
                plan.notes.append(Note(text: "count", onServer: true, detail: "one page; count reads total"))
                plan.remaining = Array(rest.dropFirst())
                return
            }
            var noted = 0
            if let c = command(rest.first, "first"), let n = Self.count(c), allExact {
                // Every condition is sent and exact: the first page holds the N items.
                plan.query.pageSize = min(plan.query.pageSize ?? 100, min(max(n, 1), 100))
                plan.notes.append(
                    Note(
                        text: text(c.span), onServer: true,
                        detail: "pageSize=\(plan.query.pageSize ?? n); first stops reading after \(n)"))
                plan.pushedAny = true
                noted = 1
            } else if !listFixesOrder, allSafe, plan.query.sort == nil, let c = command(rest.first, "last"),
                let n = Self.count(c)
            {
                // The opposite order: the last N are the first N of it, reversed back.
                let sort = plan.query.effectiveSort
                plan.query.sort = "\(sort.field.rawValue):\(sort.direction == .desc ? "asc" : "desc")"
                plan.query.sortField = nil
                plan.query.sortDirection = nil
                if allExact { plan.query.pageSize = min(max(n, 1), 100) }
                plan.notes.append(
                    Note(
                        text: text(c.span), onServer: true,
                        detail: "sort=\(plan.query.sort ?? ""); the first \(n) reversed"))
                rest.removeFirst()
                var first = c
                first.name = "first"
                rest.insert(.command(first), at: 0)
                if !c.arguments.isEmpty {
                    var reverse = c
                    reverse.name = "reverse"
                    reverse.arguments = []
                    rest.insert(.command(reverse), at: 1)
                }
                noted = rest.count > 1 && !c.arguments.isEmpty ? 2 : 1
                plan.pushedAny = true
            }
            if noted == 0, !allSafe, let c = command(rest.first, "last") { reasons[c.span.start] = Self.unsafeOrder }
            for stage in rest.dropFirst(noted) {
                let reason = reasons[stage.span.start] ?? "runs on the client"
                plan.notes.append(Note(text: text(stage.span), onServer: false, detail: reason))
            }
            if plan.pushedAny || kept.count + rest.count != following.count { plan.remaining = kept + rest }
        }

        static let unsafeOrder =
            "a condition of the where may fail on some execution: read in the listing's order, so the same error shows"

        /// `first`/`last` with no argument (1) or an integer literal N ≥ 0.
        static func count(_ c: CommandCall) -> Int? {
            if c.arguments.isEmpty { return 1 }
            guard c.arguments.count == 1, case .positional(let expr) = c.arguments[0],
                case .literal(.int(let n)) = expr.kind, n >= 0
            else { return nil }
            return n
        }

        /// `sort-by createdAt|status [--desc]` as the API's `sort`, or why not.
        static func sort(_ c: CommandCall) -> (value: String, refusal: String?)? {
            var field: String?
            var descending = false
            for argument in c.arguments {
                switch argument {
                case .positional(let expr):
                    switch expr.kind {
                    case .bareWord(let name): field = name
                    case .field(nil, let name, false): field = name
                    case .literal(.string(let name)): field = name
                    default: return nil
                    }
                case .flag(let name, _, nil) where name == "desc" || name == "r": descending = true
                default: return nil
                }
            }
            switch (field, descending) {
            case ("createdAt", _): return ("created_at:\(descending ? "desc" : "asc")", nil)
            case ("status", true): return ("status:desc", nil)
            case ("status", false):
                return (
                    "status:asc",
                    "the API breaks ties oldest first; sort-by keeps the listing's newest-first order among equal "
                        + "statuses"
                )
            default: return nil
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
