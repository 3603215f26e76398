import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import Foundation

/// `explain PIPELINE`: how a pipeline would run — the requests `list` sends with their parameters, what
/// the API answers, what runs on the client and why. Sends nothing (but an agent name's lookup).
struct ExplainCommand: StageAbsorbing {
    let signature = Signature(
        "explain", "show how a pipeline runs: requests sent, what the API answers, what runs here", category: "api",
        positionals: [
            ParamSpec("pipeline", .closure, "the pipeline to explain (everything after explain)", required: true)
        ],
        style: .stage,
        examples: [
            Example("explain list | where .status == \"failed\" | count", "one request: count reads total"),
            Example("explain list | where .status == \"failed\" | first 20", "one page of 20"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        try await absorb(call, following: [])?.output ?? .null
    }

    func absorb(_ call: Invocation, following: [Stage]) async throws -> (output: Value, remaining: [Stage])? {
        guard case .closure(let closure)? = call.positional(0) else {
            throw call.error("explain needs a pipeline: explain list | where …", argument: "pipeline")
        }
        var stages: [Stage]
        switch closure.body {
        case .stage(let inner): stages = [.command(inner)] + following
        case .block(let block):
            guard block.statements.count == 1, case .pipeline(let pipeline) = block.statements[0].kind else {
                throw call.error("explain needs one pipeline", argument: "pipeline")
            }
            stages = pipeline.stages + following
        case .expr(let expr): stages = [.expr(expr)] + following
        }
        return (.string(try await Self.explain(stages, call: call)), [])
    }

    static func explain(_ stages: [Stage], call: Invocation) async throws -> String {
        let env = call.env
        func text(_ stage: Stage) -> String { env.source.text(of: stage.span) }
        var lines = [stages.map(text).joined(separator: " | ")]
        guard case .command(let first)? = stages.first, first.name == "list", env.scope.function("list") == nil,
            let command = call.interpreter.registry.lookup("list")
        else {
            lines.append("  no request is planned: every stage runs as written")
            return lines.joined(separator: "\n")
        }
        let listCall = try await call.interpreter.invocation(for: first, command: command, input: .null, env: env)
        let api = try listCall.api
        let own = try await ListCommand.query(from: listCall, api: api)
        let enabled = call.interpreter.settings.pushdown
        let plan = await ListPlan.make(
            query: own, call: listCall, following: Array(stages.dropFirst()), enabled: enabled)
        let now = call.now
        var sent = ListCommand.snapshot(plan.query, pushed: plan.pushedAny ? plan.pushed : nil, now: now)
        let howMany: String
        if plan.answer == .total {
            sent.pageSize = 1
            howMany = "1 request: count reads total (paging instead if the first item shows an ignored filter)"
        } else {
            sent.pageSize = sent.pageSize ?? PagedSequence<Execution>.defaultPageSize
            if let limit = listCall.named["limit"]?.intValue { sent.pageSize = min(max(limit, 1), 100) }
            howMany = "pages of \(sent.pageSize ?? 0), page=1, 2, … as the pipeline reads them"
        }
        let parameters = sent.queryItems().map { item in
            item.name == "createdBefore" && sent.createdBefore == now
                ? "createdBefore=<start>" : "\(item.name)=\(item.value)"
        }
        lines.append("  request  GET /executions?\(parameters.joined(separator: "&"))")
        lines.append("           \(howMany)")
        if !enabled { lines.append("  pushdown is off (set pushdown true to plan)") }
        let width = min(40, plan.notes.map(\.text.count).max() ?? 0)
        for note in plan.notes {
            let padded =
                note.text.count < width ? note.text + String(repeating: " ", count: width - note.text.count) : note.text
            lines.append("  \(note.onServer ? "api   " : "client")   \(padded)  \(note.detail)")
        }
        return lines.joined(separator: "\n")
    }
}
