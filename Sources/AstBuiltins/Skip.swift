import AstRuntime

/// `skip N`: all but the first N items.
struct SkipCommand: Command {
    let signature = Signature(
        "skip", "drop the first N items", category: "filters",
        positionals: [ParamSpec("n", .int, "how many items to drop", required: true)],
        examples: [Example("[1, 2, 3] | skip 1", "drop one", result: "[2,3]")])

    func run(_ call: Invocation) async throws -> Value {
        let n = call.int(0) ?? 0
        guard n >= 0 else { throw call.error("skip needs a count of 0 or more, got \(n)", argument: "n") }
        if case .list(let items) = call.input { return .list(Array(items.dropFirst(n))) }
        return .stream(call.items.dropFirst(n))
    }
}
