import AstRuntime

/// `first [N]`: the first item, or the first N items (reads no further than it needs).
struct FirstCommand: Command {
    let signature = Signature(
        "first", "the first item, or the first N items", category: "filters",
        positionals: [ParamSpec("n", .int, "how many items")],
        examples: [
            Example("[1, 2, 3] | first", "the first item itself", result: "1"),
            Example("[1, 2, 3] | first 2", "a list of the first two", result: "[1,2]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        guard let n = call.int(0) else {
            return try await call.items.makeIterator().next() ?? .null
        }
        guard n >= 0 else { throw call.error("first needs a count of 0 or more, got \(n)", argument: "n") }
        if case .list(let items) = call.input { return .list(Array(items.prefix(n))) }
        return .stream(call.items.prefix(n))
    }
}
