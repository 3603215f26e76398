import AstRuntime

/// `truncate-time UNIT [tz=ZONE]`: the start of the minute, hour, day, week, month or year holding a time.
struct TruncateTimeCommand: Command {
    let signature = Signature(
        "truncate-time", "the start of the unit (hour, day, week…) holding a time, in the local zone", category: "time",
        positionals: [
            ParamSpec(
                "unit", .string, "second, minute, hour, day, week (from Monday), month or year", required: true,
                choices: LocalTime.truncationUnits)
        ],
        named: [timeZoneParam],
        examples: [
            Example("2026-12-01T10:47:13Z | truncate-time hour tz=UTC", "the hour", result: "\"2026-12-01T10:00:00Z\""),
            Example("list since=7d | group-by { .createdAt | truncate-time day }", "executions per day"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let unit = call.positional(0)?.text ?? "day"
        let zone = try call.timeZone()
        return try await call.eachValue { _, value in
            if value.isNull { return .null }
            let date = try call.time(of: value, command: "truncate-time")
            guard let start = LocalTime.truncate(date, to: unit, zone: zone) else {
                throw call.error("truncate-time cannot place \(value.literal) in a \(unit)", argument: "unit")
            }
            return .time(start)
        }
    }
}
