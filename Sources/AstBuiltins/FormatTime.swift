import AstRuntime
import Foundation

/// `format-time FORMAT [tz=ZONE]`: a time as text, strftime-style, in the local zone.
struct FormatTimeCommand: Command {
    let signature = Signature(
        "format-time", "a time as text: %Y %m %d %H %M %S %F %T %z %Z %a %b %j %s %%", category: "time",
        positionals: [ParamSpec("format", .string, "the pattern, e.g. \"%Y-%m-%d %H:%M\"", required: true)],
        named: [timeZoneParam],
        examples: [
            Example(
                "2026-12-01T10:00:05Z | format-time \"%d/%m/%Y %H:%M\" tz=UTC", "day first",
                result: "\"01/12/2026 10:00\""),
            Example(
                "2026-12-01T10:00:05Z | format-time \"%a %b %d %T %z\" tz=America/New_York", "with an offset",
                result: "\"Tue Dec 01 05:00:05 -0500\""),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let pattern = call.positional(0)?.text ?? "%F %T"
        let zone = try call.timeZone()
        return try await call.eachValue { _, value in
            if value.isNull { return .null }
            let date = try call.time(of: value, command: "format-time")
            return .string(try Self.format(date, pattern, zone: zone, call: call))
        }
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date, _ pattern: String, zone: TimeZone, call: Invocation) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let offset = zone.secondsFromGMT(for: date)
        var out = ""
        var chars = pattern.makeIterator()
        while let c = chars.next() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            guard let d = chars.next() else {
                out.append("%")
                break
            }
            switch d {
            case "Y": out += String(format: "%04d", parts.year ?? 0)
            case "m": out += two(parts.month)
            case "d": out += two(parts.day)
            case "H": out += two(parts.hour)
            case "M": out += two(parts.minute)
            case "S": out += two(parts.second)
            case "F": out += String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            case "T": out += "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
            case "z":
                out += String(format: "%@%02d%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) / 60 % 60)
            case "Z": out += LocalTime.marker(zone, at: date)
            case "a": out += weekdays[((parts.weekday ?? 1) - 1 + 7) % 7]
            case "b": out += months[((parts.month ?? 1) - 1 + 12) % 12]
            case "j": out += String(format: "%03d", calendar.ordinality(of: .day, in: .year, for: date) ?? 0)
            case "s": out += String(Int(date.timeIntervalSince1970.rounded(.down)))
            case "%": out += "%"
            default:
                throw call.error(
                    "format-time does not know %\(d)", argument: "format",
                    help: "directives: %Y %m %d %H %M %S %F %T %z %Z %a %b %j %s %%")
            }
        }
        return out
    }
}
