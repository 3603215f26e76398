import AstRuntime

/// `any EXPR`, `all EXPR`: whether the condition holds for some item / for every item (stops at the first
/// item that decides; `all` of nothing is true, `any` of nothing false).
struct Quantifier: Command {
    enum Kind: String { case any, all }
    let kind: Kind

    var signature: Signature {
        let examples =
            kind == .any
            ? [
                Example("[1, 5, 10] | any $it > 8", "some item", result: "true"),
                Example("[{s: \"ok\"}, {s: \"bad\"}] | any .s == \"failed\"", "no item", result: "false"),
            ]
            : [
                Example("[1, 5, 10] | all $it > 0", "every item", result: "true"),
                Example("[] | all $it > 0", "true of no items", result: "true"),
            ]
        return Signature(
            kind.rawValue,
            kind == .any ? "whether a condition holds for some item" : "whether a condition holds for every item",
            category: "lists",
            positionals: [
                ParamSpec("condition", .closure, "an expression over $it, e.g. .status == \"failed\"", required: true)
            ],
            style: .expression, examples: examples)
    }

    func run(_ call: Invocation) async throws -> Value {
        let condition = try call.closure(0, what: "\(kind.rawValue) needs a condition")
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let holds = try await call.call(condition, with: item).materialized().isTruthy
            if kind == .any, holds { return .bool(true) }
            if kind == .all, !holds { return .bool(false) }
        }
        return .bool(kind == .all)
    }
}

/// `reduce BLOCK [--from VALUE]`: folds the items into one value; the block sees the running value as
/// `$acc` and the item as `$it` (without --from, the first item starts the fold).
struct ReduceCommand: Command {
    let signature = Signature(
        "reduce", "fold the items into one value ($acc and $it)", category: "lists",
        positionals: [ParamSpec("block", .closure, "computes the next $acc from $acc and $it", required: true)],
        flags: [FlagSpec("from", value: .any, "the starting value (default: the first item)")],
        examples: [
            Example("[1, 2, 3, 4] | reduce { $acc * $it }", "a product", result: "24"),
            Example("[a, b] | reduce --from \">\" { $acc + $it }", "with a start", result: "\">ab\""),
            Example("[] | reduce { $acc + $it }", "nothing to fold", result: "null"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let block = try call.closure(0, what: "reduce needs a block, e.g. reduce { $acc + $it }")
        let iterator = call.items.makeIterator()
        var acc: Value
        if let start = call.flags["from"] {
            acc = start
        } else {
            guard let first = try await iterator.next() else { return .null }
            acc = first
        }
        while let item = try await iterator.next() {
            var step = block
            step.scope = block.scope.child(["acc": acc])
            acc = try await call.call(step, with: item).materialized()
        }
        return acc
    }
}
