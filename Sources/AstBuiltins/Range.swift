import AstRuntime

/// `range FROM TO [STEP]`: the integers from FROM to TO, both included, as a lazy stream (`FROM..TO` with a step).
struct RangeCommand: Command {
    let signature = Signature(
        "range", "the integers from one number to another (both included)", category: "lists",
        positionals: [
            ParamSpec("from", .int, "the first number", required: true),
            ParamSpec("to", .int, "the last number", required: true),
            ParamSpec("step", .int, "the difference between neighbours (default 1, or -1 when TO < FROM)"),
        ],
        examples: [
            Example("range 1 5", "one to five", result: "[1,2,3,4,5]"),
            Example("range 10 0 -5", "counting down", result: "[10,5,0]"),
            Example("range 1 1000000000 | first 2", "lazy: only what is read is made", result: "[1,2]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let from = call.int(0) ?? 0
        let to = call.int(1) ?? 0
        let step = call.int(2) ?? (to < from ? -1 : 1)
        guard step != 0 else { throw call.error("range needs a step other than 0", argument: "step") }
        return .stream(.integers(from: from, to: to, step: step))
    }
}
