import AstRuntime

/// `ago`: how long ago a time was (a duration), or the time a duration before now.
struct AgoCommand: Command {
    let signature = Signature(
        "ago", "how long ago a time was (a duration); a duration: that long before now (a time)", category: "time",
        examples: [
            Example("$now - 90m | ago", "a duration", result: "5400"),
            Example("2h | ago | ago", "back and forth", result: "7200"),
            Example("list status=running | where (.createdAt | ago) > 1h", "running for more than an hour"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let now = call.now
        return try await call.eachValue { _, value in
            switch value {
            case .time(let date): return .duration(now.timeIntervalSince(date).rounded())
            case .duration(let seconds): return .time(now.addingTimeInterval(-seconds))
            case .null: return .null
            default:
                throw call.error("ago needs a time or a duration, got \(value.typeName) \(value.literal.prefix(60))")
            }
        }
    }
}
