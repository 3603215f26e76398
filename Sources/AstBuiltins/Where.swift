import AstRuntime
import AstSyntax

/// `where EXPR`: keeps the items for which EXPR is true ($it is the item; `.field` reads it).
/// A comparison with null is false (an execution without a duration is not longer than 5m); a real
/// type mismatch names the item it happened on (its index, and its id when it has one).
struct WhereCommand: Command {
    let signature = Signature(
        "where", "keep the items for which a condition holds", category: "filters",
        positionals: [
            ParamSpec("condition", .closure, "an expression over $it, e.g. .status == \"failed\"", required: true)
        ],
        style: .expression,
        examples: [
            Example("[1, 5, 10] | where $it > 3", "numbers above 3", result: "[5,10]"),
            Example("[{a: 1}, {a: 2}] | where .a == 2", "records whose a is 2", result: "[{\"a\":2}]"),
            Example("[{d: 10m}, {d: null}] | where .d > 5m | count", "null is not larger than anything", result: "1"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let condition = try call.closure(0, what: "where needs a condition")
        let test: @Sendable (Int, Value) async throws -> Bool = { index, item in
            do {
                return try await call.call(condition, with: item).materialized().isTruthy
            } catch var failure as RuntimeError where failure.diagnostic.code == DiagnosticCode.typeMismatch {
                // An item with an id is named by it alone: its position depends on what the query planner let
                // the API filter out first, so it would differ with and without pushdown.
                failure.diagnostic.message += Self.idNote(item).map { " (id \($0))" } ?? " (item \(index))"
                throw failure
            }
        }
        if case .list(let items) = call.input {
            var kept: [Value] = []
            for (index, item) in items.enumerated() where try await test(index, item) { kept.append(item) }
            return .list(kept)
        }
        if call.input.isSequence {
            // Positions count afresh each time the stream is read.
            let source = call.items
            return .stream(
                ValueStream(elementSchema: source.elementSchema) {
                    let counter = Counter()
                    return source.filter { try await test(counter.next(), $0) }.makeIterator()
                })
        }
        if call.input.isNull { return .null }
        return try await test(0, call.input) ? call.input : .null
    }

    static func idNote(_ item: Value) -> String? {
        guard let record = item.recordValue, let id = (record["id"] ?? record["executionId"])?.stringValue else {
            return nil
        }
        return id
    }
}
