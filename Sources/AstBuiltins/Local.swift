import AstRuntime

/// `local [tz=ZONE]`: a time as a person reads it — local wall time with seconds and the zone.
struct LocalCommand: Command {
    let signature = Signature(
        "local", "a time as local text with its zone (2026-12-01 10:00:05 UTC)", category: "time",
        named: [timeZoneParam],
        examples: [
            Example("2026-12-01T10:00:05Z | local tz=UTC", "in UTC", result: "\"2026-12-01 10:00:05 UTC\""),
            Example(
                "2026-12-01T10:00:05Z | local tz=Europe/Paris", "in Paris", result: "\"2026-12-01 11:00:05 +01:00\""),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let zone = try call.timeZone()
        return try await call.eachValue { _, value in
            if value.isNull { return .null }
            return .string(LocalTime.text(try call.time(of: value, command: "local"), zone: zone))
        }
    }
}
