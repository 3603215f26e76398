import AstRuntime

/// `sort-by KEY… [--desc]`: sorts by one or more fields (or blocks' results), the first key first;
/// stable; items whose key is null go last in either direction.
struct SortByCommand: Command {
    let signature = Signature(
        "sort-by", "sort items by fields or computed keys (nulls last)", category: "filters",
        rest: ParamSpec(
            "key", .fieldOrClosure,
            "a field, a path, or a block computing the key; several: by the first, then the next"),
        flags: [FlagSpec("desc", short: "r", "largest first")],
        examples: [
            Example("[{n: 3}, {n: 1}, {n: 2}] | sort-by n", "ascending", result: "[{\"n\":1},{\"n\":2},{\"n\":3}]"),
            Example("[3, 1, 2] | sort-by --desc", "the items themselves, descending", result: "[3,2,1]"),
            Example(
                "[{a: \"y\", n: 1}, {a: \"x\", n: 2}, {a: \"y\", n: 0}] | sort-by a n", "by a, then by n",
                result: "[{\"a\":\"x\",\"n\":2},{\"a\":\"y\",\"n\":0},{\"a\":\"y\",\"n\":1}]"),
            Example(
                "[{d: null}, {d: 2}, {d: 1}] | sort-by d --desc", "null last",
                result: "[{\"d\":2},{\"d\":1},{\"d\":null}]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let items = try await call.collectItems()
        let selectors = call.positionals.isEmpty ? [Value.null] : call.positionals
        var keyed: [([Value], Value)] = []
        for item in items {
            var keys: [Value] = []
            for selector in selectors { keys.append(try await call.key(selector, of: item)) }
            keyed.append((keys, item))
        }
        let descending = call.flag("desc")
        let sorted = keyed.enumerated().sorted { a, b in
            for (ka, kb) in zip(a.element.0, b.element.0) {
                if ka.isNull != kb.isNull { return kb.isNull }
                if ka.sortsBefore(kb) { return !descending }
                if kb.sortsBefore(ka) { return descending }
            }
            return a.offset < b.offset
        }
        return .list(sorted.map(\.element.1))
    }
}
