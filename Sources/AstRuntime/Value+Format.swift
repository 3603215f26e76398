import Foundation

// How values read as text: defined here once.
extension Value {
    /// The plain text of a value: strings unquoted, everything else as `literal`.
    package var text: String {
        if case .string(let s) = self { return s }
        return literal
    }

    /// The value as it would be written (strings quoted; records and lists as JSON-like literals).
    package var literal: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let v): String(v)
        case .float(let v): Value.formatFloat(v)
        case .string(let s): JSONText.quote(s)
        case .time(let date): TimeFormat.rfc3339(date)
        case .duration(let seconds): Value.formatDuration(seconds)
        case .list(let items): "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .record(let record):
            "{" + record.pairs.map { "\(Value.formatKey($0.key)): \($0.value.literal)" }.joined(separator: ", ") + "}"
        case .closure(let closure): closure.name.map { "<function \($0)>" } ?? "<closure>"
        case .stream: "<stream>"
        }
    }

    static func formatKey(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
            && !(key.first?.isNumber ?? false)
        return plain ? key : JSONText.quote(key)
    }

    package static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return String(value)
    }

    /// `1h30m`, `250ms`, `1.5s`, `2d`, `0s`; negative durations keep their sign.
    package static func formatDuration(_ seconds: Double) -> String {
        if seconds < 0 { return "-" + formatDuration(-seconds) }
        if seconds == 0 { return "0s" }
        if !seconds.isFinite || seconds >= 1e15 { return String(format: "%gs", seconds) }
        if seconds < 1 { return formatTrimmed(seconds * 1000) + "ms" }
        var rest = seconds
        var out = ""
        for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where rest >= size {
            let count = (rest / size).rounded(.down)
            out += "\(Int(count))\(unit)"
            rest -= count * size
        }
        if rest > 0.0005 { out += formatTrimmed(rest) + "s" }
        return out
    }

    static func formatTrimmed(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// RFC 3339 formatting in UTC with milliseconds when present.
package enum TimeFormat {
    /// Seconds since 1970 of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, the times RFC 3339 can write.
    package static let range: ClosedRange<Double> = -62_167_219_200...253_402_300_799.999

    /// Times outside `range` (arithmetic checks keep values inside it) are written with the year as it is,
    /// up to about 31 million years either way; beyond that as the nearest of those, never trapping on a
    /// conversion to Int.
    package static func rfc3339(_ date: Date) -> String {
        let raw = date.timeIntervalSince1970
        let interval = raw.isNaN ? 0 : Swift.min(Swift.max(raw, -1e15), 1e15)
        var whole = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(whole)) * 1000).rounded())
        if millis == 1000 {
            whole += 1
            millis = 0
        }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let (year, month, day) = civil(days)
        guard (0...9999).contains(year) else {
            var out = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, secondsOfDay / 3600,
                secondsOfDay / 60 % 60, secondsOfDay % 60)
            if millis != 0 { out += String(format: ".%03d", millis) }
            return out + "Z"
        }
        // `yyyy-MM-ddTHH:mm:ss[.SSS]Z` written digit by digit (String(format:) costs more than the rest of
        // a record's JSON).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(48 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4); bytes.append(UInt8(ascii: "-"))
        digits(month, 2); bytes.append(UInt8(ascii: "-"))
        digits(day, 2); bytes.append(UInt8(ascii: "T"))
        digits(secondsOfDay / 3600, 2); bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay / 60 % 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay % 60, 2)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            digits(millis, 3)
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
