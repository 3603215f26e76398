import AstRuntime

/// `reverse`: the items in reverse order.
struct ReverseCommand: Command {
    let signature = Signature(
        "reverse", "reverse the order of the items", category: "filters",
        examples: [Example("[1, 2, 3] | reverse", "last first", result: "[3,2,1]")])

    func run(_ call: Invocation) async throws -> Value {
        .list(try await call.collectItems().reversed())
    }
}
