import AstRuntime

/// `last [N]`: the last item, or the last N items (keeps only N in memory).
struct LastCommand: Command {
    let signature = Signature(
        "last", "the last item, or the last N items", category: "filters",
        positionals: [ParamSpec("n", .int, "how many items")],
        examples: [
            Example("[1, 2, 3] | last", "the last item itself", result: "3"),
            Example("[1, 2, 3] | last 2", "the last two", result: "[2,3]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let n = call.int(0)
        if let n, n < 0 { throw call.error("last needs a count of 0 or more, got \(n)", argument: "n") }
        let keep = n ?? 1
        var window: [Value] = []
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            window.append(item)
            if window.count > keep { window.removeFirst() }
        }
        if n == nil { return window.last ?? .null }
        return .list(window)
    }
}
