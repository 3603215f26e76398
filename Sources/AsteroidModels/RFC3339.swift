import Foundation

/// Fast RFC 3339 timestamps, the API's `date-time` format.
///
/// Parsing accepts fractional seconds of any length, `Z`/`z`, and numeric offsets (`+02:00`, `-0530`);
/// formatting writes UTC with `Z`, and milliseconds only when the time has a fraction. Hand-written
/// because listing 100,000 executions parses several hundred thousand timestamps.
public enum RFC3339 {
    /// Seconds since 1970 of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the dates RFC 3339 can write.
    public static let range: ClosedRange<Double> = -62_167_219_200...253_402_300_799.999

    /// Parses `2023-11-07T05:31:56Z`, `2023-11-07T05:31:56.123456+02:00`, `2023-11-07 05:31:56Z`.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard b.count >= 20,
            let year = digits(0, 4), b[4] == UInt8(ascii: "-"),
            let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
            let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
            let second = digits(17, 2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, let d = digits(index, 1) {
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
            guard let oh = digits(index + 1, 2) else { return nil }
            var next = index + 3
            if next < b.count, b[next] == UInt8(ascii: ":") { next += 1 }
            guard let om = digits(next, 2), oh < 24, om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
            index = next + 2
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `2023-11-07T05:31:56Z`, or `2023-11-07T05:31:56.250Z` when the time has a fraction.
    public static func format(_ date: Date) -> String {
        let (whole, millis) = wholeSecondsAndMillis(date)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let (year, month, day) = civilFromDays(days)
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        out += pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        if millis != 0 { out += "." + pad(millis, 3) }
        return out + "Z"
    }

    /// `parse(format(date))` without the text: the date rounded to the millisecond exactly as writing
    /// it and reading it back would (the same arithmetic as `parse`).
    public static func millisecondPrecision(_ date: Date) -> Date {
        let (whole, millis) = wholeSecondsAndMillis(date)
        var fraction = 0.0
        if millis != 0 {
            fraction += Double(millis / 100) * 0.1
            fraction += Double(millis / 10 % 10) * (0.1 / 10)
            fraction += Double(millis % 10) * (0.1 / 10 / 10)
        }
        return Date(timeIntervalSince1970: Double(whole) + fraction)
    }

    /// Whole seconds since 1970 (rounded down) and the milliseconds after them (rounded), as written.
    /// A date outside the years 0000–9999 (RFC 3339 has four-digit years) is taken as the nearest of them,
    /// so formatting never traps on a conversion to Int (`list since=100000000000000w` used to crash).
    static func wholeSecondsAndMillis(_ date: Date) -> (Int, Int) {
        let raw = date.timeIntervalSince1970
        let interval = raw.isNaN ? 0 : Swift.min(Swift.max(raw, range.lowerBound), range.upperBound)
        let whole = Int(interval.rounded(.down))
        let millis = Int(((interval - Double(whole)) * 1000).rounded())
        return millis == 1000 ? (whole + 1, 0) : (whole, millis)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
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

/// The JSON coders every side of the wire uses: RFC 3339 dates, nothing else special.
public enum AsteroidJSON {
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected an RFC 3339 date-time, got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    public static func makeEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
