import AstRuntime

/// `uniq-by FIELD`: the first item of each distinct value of FIELD (or of a block's result), in order.
struct UniqByCommand: Command {
    let signature = Signature(
        "uniq-by", "keep the first item of each distinct field value", category: "lists",
        positionals: [ParamSpec("key", .fieldOrClosure, "a field, a path, or a block", required: true)],
        examples: [
            Example("[{a: 1, b: 1}, {a: 1, b: 2}, {a: 2, b: 3}] | uniq-by a | .b", "first of each a", result: "[1,3]")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let selector = call.positional(0) ?? .null
        var seen = ValueIndex()
        var kept: [Value] = []
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let key = try await call.key(selector, of: item).materialized()
            if seen.position(of: key).isNew { kept.append(item) }
        }
        return .list(kept)
    }
}
