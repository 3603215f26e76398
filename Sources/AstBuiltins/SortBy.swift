import AstRuntime

/// `sort-by FIELD [--desc]`: sorts by a field (or a block's result); stable; nulls first.
struct SortByCommand: Command {
    let signature = Signature(
        "sort-by", "sort items by a field or a computed key", category: "filters",
        positionals: [ParamSpec("key", .fieldOrClosure, "a field, a path, or a block computing the key")],
        flags: [FlagSpec("desc", short: "r", "largest first")],
        examples: [
            Example("[{n: 3}, {n: 1}, {n: 2}] | sort-by n", "ascending", result: "[{\"n\":1},{\"n\":2},{\"n\":3}]"),
            Example("[3, 1, 2] | sort-by --desc", "the items themselves, descending", result: "[3,2,1]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let items = try await call.collectItems()
        let selector = call.positional(0) ?? .null
        var keyed: [(Value, Value)] = []
        for item in items { keyed.append((try await call.key(selector, of: item), item)) }
        let descending = call.flag("desc")
        let sorted = keyed.enumerated().sorted { a, b in
            let (ka, kb) = (a.element.0, b.element.0)
            if ka.sortsBefore(kb) { return !descending }
            if kb.sortsBefore(ka) { return descending }
            return a.offset < b.offset
        }
        return .list(sorted.map(\.element.1))
    }
}
