import AstSyntax
import AstTime
import Foundation

/// Times as a person reads them: in the local zone (`TZ`, UTC when unset), with seconds and a zone
/// marker, and ages ("5m ago"); and the loose forms people type (`today`, `2026-12-01 10:00`).
package enum LocalTime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: TimeZone = zone(named: ProcessInfo.processInfo.environment["TZ"])

    /// The zone times are shown in (the process's `TZ`; UTC when unset or unknown).
    package static var zone: TimeZone {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    static let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current

    /// `Europe/Paris`, `:Europe/Paris`, `UTC`; nil, empty or unknown → UTC.
    package static func zone(named name: String?) -> TimeZone {
        guard var name, !name.isEmpty else { return utc }
        if name.hasPrefix(":") { name.removeFirst() }
        if name == "UTC" || name == "Z" || name == "GMT" { return utc }
        return TimeZone(identifier: name) ?? utc
    }

    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `UTC`, or the offset from UTC at that moment (`+01:00`, `-04:00`).
    package static func marker(_ zone: TimeZone, at date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0 && (zone.identifier == "GMT" || zone.identifier == "UTC" || zone.identifier.hasPrefix("GMT")) {
            return "UTC"
        }
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    /// `2026-12-01 10:00:05` in the zone (no marker: a table puts it in the column's title).
    package static func wall(_ date: Date, zone: TimeZone = zone) -> String {
        let seconds = date.timeIntervalSince1970
        guard RFC3339.range.contains(seconds) else { return RFC3339.format(date) }
        let shifted = Date(timeIntervalSince1970: seconds.rounded(.down) + Double(zone.secondsFromGMT(for: date)))
        return String(RFC3339.format(shifted).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// `2026-12-01 10:00:05 UTC`.
    package static func text(_ date: Date, zone: TimeZone = zone) -> String {
        "\(wall(date, zone: zone)) \(marker(zone, at: date))"
    }

    /// `5m ago`, `2h ago`, `3d ago`, `just now`, `in 5m`: the largest unit, rounded down.
    package static func age(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        if abs(seconds) < 1 { return "just now" }
        let magnitude = abs(seconds)
        let units: [(String, Double)] = [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]
        let (unit, size) = units.first { magnitude >= $0.1 } ?? ("s", 1)
        let amount = "\(Int((magnitude / size).rounded(.down)))\(unit)"
        return seconds > 0 ? "\(amount) ago" : "in \(amount)"
    }

    /// `2026-12-01 10:00:05 UTC (5m ago)`.
    package static func textWithAge(_ date: Date, now: Date, zone: TimeZone = zone) -> String {
        "\(text(date, zone: zone)) (\(age(date, now: now)))"
    }

    /// Midnight at the start of `date`'s day in the zone.
    package static func startOfDay(_ date: Date, zone: TimeZone = zone) -> Date {
        calendar(zone).startOfDay(for: date)
    }

    package static let truncationUnits = ["second", "minute", "hour", "day", "week", "month", "year"]

    /// The start of the second, minute, hour, day, week (Monday), month or year that holds `date`.
    package static func truncate(_ date: Date, to unit: String, zone: TimeZone = zone) -> Date? {
        var calendar = calendar(zone)
        calendar.firstWeekday = 2
        let component: Calendar.Component
        switch unit {
        case "second": return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        case "minute": component = .minute
        case "hour": component = .hour
        case "day": return calendar.startOfDay(for: date)
        case "week": component = .weekOfYear
        case "month": component = .month
        case "year": component = .year
        default: return nil
        }
        return calendar.dateInterval(of: component, for: date)?.start
    }

    /// The forms a time argument may take: `now`, `today`, `yesterday`, a duration (`24h`, meaning that
    /// long before now to the caller), a date (`2026-12-01`, UTC midnight like the literal), RFC 3339, or
    /// a local wall time `2026-12-01 10:00[:05]` / `2026-12-01T10:00[:05]` (in the zone). A leading `-`
    /// on a duration gives a negative duration (the caller decides whether that is an error).
    package static func parse(_ text: String, now: Date, zone: TimeZone = zone) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "now": return .time(now)
        case "today": return .time(startOfDay(now, zone: zone))
        case "yesterday":
            return .time(calendar(zone).date(byAdding: .day, value: -1, to: startOfDay(now, zone: zone)) ?? now)
        default: break
        }
        if let seconds = DurationText.parse(trimmed) { return .duration(seconds) }
        if trimmed.hasPrefix("-"), let seconds = DurationText.parse(String(trimmed.dropFirst())) {
            return .duration(-seconds)
        }
        if let date = RFC3339.parseDayOrTime(trimmed) { return .time(date) }
        return wallTime(trimmed, zone: zone).map { .time($0) }
    }

    /// `2026-12-01 10:00`, `2026-12-01T10:00:05` (no zone): that wall time in the zone.
    static func wallTime(_ text: String, zone: TimeZone) -> Date? {
        guard let utcWall = RFC3339.parseWallTime(text) else { return nil }
        // The offset in force at that wall time (a guess at the UTC moment, then corrected once).
        let guess = utcWall.addingTimeInterval(-Double(zone.secondsFromGMT(for: utcWall)))
        return utcWall.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }

    /// What `parse` accepts, for help lines.
    package static let forms =
        "a time (2026-12-01, 2026-12-01T10:00, \"2026-12-01 10:00\", RFC 3339), today, yesterday, now, or a duration "
            + "(24h)"
}
