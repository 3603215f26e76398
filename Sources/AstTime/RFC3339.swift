import Foundation

/// RFC 3339 timestamps, the API's `date-time` format and the language's time literal: the one parser and
/// writer both columns use, so the language and the client accept the same text.
///
/// Parsing accepts `T`, `t` or a space between date and time, fractional seconds of any length, `Z`/`z`
/// and numeric offsets with the colon RFC 3339 requires (`+02:00`; `+0200` is not RFC 3339 and is refused).
/// Writing gives UTC with `Z`, and milliseconds only when the time has a fraction. Hand-written because
/// listing 100,000 executions parses several hundred thousand timestamps.
public enum RFC3339 {
    /// Seconds since 1970 of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the dates RFC 3339 can write.
    public static let range: ClosedRange<Double> = -62_167_219_200...253_402_300_799.999

    /// Parses `2023-11-07T05:31:56Z`, `2023-11-07T05:31:56.123456+02:00`, `2023-11-07 05:31:56Z`.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count >= 20, let days = CivilDate.days(b),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            let hour = CivilDate.digits(b, 11, 2), b[13] == UInt8(ascii: ":"),
            let minute = CivilDate.digits(b, 14, 2), b[16] == UInt8(ascii: ":"),
            let second = CivilDate.digits(b, 17, 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, let d = CivilDate.digits(b, index, 1) {
                fraction += Double(d) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offsetSeconds = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = CivilDate.digits(b, index + 1, 2), index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                let om = CivilDate.digits(b, index + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `2023-11-07T05:31:56Z`, or `2023-11-07T05:31:56.250Z` when the time has a fraction. A time outside
    /// `range` (checked conversions keep values inside it) is written with its year as it is (`-0001-12-31…`,
    /// `31690708-07-05…`), which `parse` refuses; never traps, whatever the Date holds.
    public static func format(_ date: Date) -> String {
        let (whole, millis) = wholeSecondsAndMillis(date, limit: 1e15)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let (year, month, day) = CivilDate.civil(days)
        // Written digit by digit (String(format:) costs more than the rest of a record's JSON).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor <= value / 10 { divisor *= 10 }  // a year past 9999 keeps all its digits
            while divisor > 0 {
                bytes.append(UInt8(48 + value / divisor % 10))
                divisor /= 10
            }
        }
        if year < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(abs(year), 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondsOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay % 60, 2)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            digits(millis, 3)
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `parse(format(date))` without the text: the date rounded to the millisecond exactly as writing
    /// it and reading it back would (the same arithmetic as `parse`); always finite.
    package static func millisecondPrecision(_ date: Date) -> Date {
        let (whole, millis) = wholeSecondsAndMillis(date, limit: 1e15)
        var fraction = 0.0
        if millis != 0 {
            fraction += Double(millis / 100) * 0.1
            fraction += Double(millis / 10 % 10) * (0.1 / 10)
            fraction += Double(millis % 10) * (0.1 / 10 / 10)
        }
        return Date(timeIntervalSince1970: Double(whole) + fraction)
    }

    /// Whole seconds since 1970 (rounded down) and the milliseconds after them (rounded), as written;
    /// NaN is 0 and the interval is held within ±`limit` so the conversion to Int never traps.
    static func wholeSecondsAndMillis(_ date: Date, limit: Double) -> (Int, Int) {
        let raw = date.timeIntervalSince1970
        let interval = raw.isNaN ? 0 : Swift.min(Swift.max(raw, -limit), limit)
        let whole = Int(interval.rounded(.down))
        let millis = Int(((interval - Double(whole)) * 1000).rounded())
        return millis == 1000 ? (whole + 1, 0) : (whole, millis)
    }
}
