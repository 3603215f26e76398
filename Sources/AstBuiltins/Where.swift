import AstRuntime

/// `where EXPR`: keeps the items for which EXPR is true ($it is the item; `.field` reads it).
struct WhereCommand: Command {
    let signature = Signature(
        "where", "keep the items for which a condition holds", category: "filters",
        positionals: [ParamSpec("condition", .closure, "an expression over $it, e.g. .status == \"failed\"", required: true)],
        style: .expression,
        examples: [
            Example("[1, 5, 10] | where $it > 3", "numbers above 3", result: "[5,10]"),
            Example("[{a: 1}, {a: 2}] | where .a == 2", "records whose a is 2", result: "[{\"a\":2}]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let condition = try call.closure(0, what: "where needs a condition")
        if case .list(let items) = call.input {
            var kept: [Value] = []
            for item in items where try await call.call(condition, with: item).materialized().isTruthy { kept.append(item) }
            return .list(kept)
        }
        if call.input.isSequence {
            return .stream(call.items.filter { try await call.call(condition, with: $0).materialized().isTruthy })
        }
        if call.input.isNull { return .null }
        return try await call.call(condition, with: call.input).materialized().isTruthy ? call.input : .null
    }
}
