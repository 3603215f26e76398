import AstRuntime

/// `substring START [END]`: the characters from START up to (not including) END; negative counts from the end.
struct SubstringCommand: Command {
    let signature = Signature(
        "substring", "part of a string, by character positions", category: "strings",
        positionals: [
            ParamSpec("start", .int, "the first character (0-based; negative counts from the end)", required: true),
            ParamSpec("end", .int, "stop before this character (default: the end; negative counts from the end)"),
        ],
        examples: [
            Example("\"2026-12-01T10:00\" | substring 0 10", "the first ten characters", result: "\"2026-12-01\""),
            Example("\"report.csv\" | substring -3", "the last three", result: "\"csv\""),
            Example("\"abc\" | substring 1 99", "positions past the end stop at the end", result: "\"bc\""),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let start = call.int(0) ?? 0
        let end = call.int(1)
        return try await call.mapStrings("substring") { text in
            let characters = Array(text)
            func clamp(_ position: Int) -> Int {
                Swift.min(Swift.max(position < 0 ? characters.count + position : position, 0), characters.count)
            }
            let from = clamp(start)
            let to = end.map(clamp) ?? characters.count
            return .string(from < to ? String(characters[from..<to]) : "")
        }
    }
}
