import AstRuntime
import Foundation

/// `today` / `yesterday`: local midnight starting the day (TZ; UTC when unset).
struct DayStartCommand: Command {
    let daysBack: Int

    var signature: Signature {
        let name = daysBack == 0 ? "today" : "yesterday"
        return Signature(
            name, "local midnight at the start of \(name)", category: "time", named: [timeZoneParam],
            examples: [
                Example("list since=(\(name))", daysBack == 0 ? "what started today" : "since yesterday's start"),
                Example("(\(name) tz=UTC) <= $now", "midnight has passed", result: "true"),
            ])
    }

    func run(_ call: Invocation) async throws -> Value {
        let zone = try call.timeZone()
        let midnight = LocalTime.startOfDay(call.now, zone: zone)
        guard daysBack > 0 else { return .time(midnight) }
        return .time(
            LocalTime.truncate(midnight.addingTimeInterval(-Double(daysBack) * 86_400 + 7200), to: "day", zone: zone)
                ?? midnight)
    }
}
