import AstRuntime

/// `uniq`: drops repeated items, keeping the first of each.
struct UniqCommand: Command {
    let signature = Signature(
        "uniq", "drop repeated items", category: "filters",
        examples: [Example("[1, 2, 1, 3, 2] | uniq", "first occurrences", result: "[1,2,3]")])

    func run(_ call: Invocation) async throws -> Value {
        var seen: Set<String> = []
        var out: [Value] = []
        for item in try await call.collectItems() where seen.insert(JSONText.encode(item)).inserted { out.append(item) }
        return .list(out)
    }
}
