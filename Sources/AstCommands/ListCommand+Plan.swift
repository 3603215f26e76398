import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import Foundation

/// `list` takes the stages after it the API can answer (the query planner; `explain` shows the plan).
extension ListCommand: StageAbsorbing {
    func absorb(_ call: Invocation, following: [Stage]) async throws -> (output: Value, remaining: [Stage])? {
        guard !following.isEmpty, call.interpreter.settings.pushdown else { return nil }
        let api = try call.api
        let own = try await Self.query(from: call, api: api)
        let plan = await ListPlan.make(query: own, call: call, following: following, enabled: true)
        guard let remaining = plan.remaining else {
            // Nothing to plan: the list as written (its query, and any agent name's lookup, made once).
            return (try Self.stream(own, own: own, pushed: nil, call: call, api: api), following)
        }
        if plan.answer == .total, let total = try await Self.total(plan.query, call: call, api: api) {
            return (.int(total), remaining)
        }
        if plan.answer == .total {
            // The server's total cannot be trusted (it ignored a filter): read the pages and count.
            return (try Self.stream(own, own: own, pushed: nil, call: call, api: api), following)
        }
        let output = try Self.stream(
            plan.query, own: own, pushed: plan.pushedAny ? plan.pushed : nil, call: call, api: api)
        return (output, remaining)
    }

    /// `count` from one page of one item: its `total`. Nil when that item shows the server ignored a
    /// filter (then only reading the pages gives the right number).
    static func total(_ query: ListExecutionsQuery, call: Invocation, api: APIService) async throws -> Int? {
        var one = snapshot(query, pushed: query, now: call.now)
        one.pageSize = 1
        one.page = nil
        let page: Page<Execution>
        do { page = try await api.client.listExecutionsPage(one) } catch { throw call.runtimeError(error) }
        if let first = page.items.first, one.unmetFilter(by: first, now: call.now) != nil { return nil }
        if page.items.isEmpty, page.total > 0 { return nil }
        guard page.total >= 0 else { return nil }
        let limit = call.named["limit"]?.intValue
        if let limit, limit < 0 { throw call.error("limit must be 0 or more", argument: "limit") }
        return limit.map { min($0, page.total) } ?? page.total
    }
}
