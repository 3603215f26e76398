import AstRuntime

/// `flatten`: lists inside the input are spliced in, one level deep.
struct FlattenCommand: Command {
    let signature = Signature(
        "flatten", "splice nested lists into one list", category: "filters",
        examples: [Example("[[1, 2], 3, [4]] | flatten", "one level", result: "[1,2,3,4]")])

    func run(_ call: Invocation) async throws -> Value {
        var out: [Value] = []
        for item in try await call.collectItems() {
            if case .list(let inner) = try await item.materialized() { out += inner } else { out.append(item) }
        }
        return .list(out)
    }
}
