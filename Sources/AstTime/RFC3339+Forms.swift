import Foundation

/// The other forms people write around RFC 3339: a bare day, a wall time with no zone, and the checked
/// conversion from seconds to a time RFC 3339 can write.
extension RFC3339 {
    /// Seconds since 1970 of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the years a time filter
    /// may name (the API refuses year 0000).
    public static let writable: ClosedRange<Double> = -62_135_596_800...253_402_300_799.999

    /// `2026-11-01` (midnight UTC) or any text `parse` accepts: the language's time literal.
    public static func parseDayOrTime(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { b in
            if b.count == 10 { return CivilDate.days(b).map { Date(timeIntervalSince1970: Double($0 * 86_400)) } }
            return parse(bytes: b)
        }
    }

    /// `2026-12-01 10:00`, `2026-12-01T10:00:05` (no zone, no fraction): that wall time read as if in UTC;
    /// the caller moves it into a zone.
    public static func parseWallTime(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { b in
            guard b.count == 16 || b.count == 19, let days = CivilDate.days(b),
                b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
                let hour = CivilDate.digits(b, 11, 2), b[13] == UInt8(ascii: ":"),
                let minute = CivilDate.digits(b, 14, 2), hour < 24, minute < 60
            else { return nil }
            var second = 0
            if b.count == 19 {
                guard b[16] == UInt8(ascii: ":"), let s = CivilDate.digits(b, 17, 2), s < 60 else { return nil }
                second = s
            }
            return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
        }
    }

    /// The time `seconds` after 1970, or `TimeOutOfRange` when it is not finite or falls outside the years
    /// 0001–9999 (`writable`): an error value where a conversion to Int or to text would trap or lie.
    public static func checkedDate(secondsSince1970 seconds: Double) throws(TimeOutOfRange) -> Date {
        guard writable.contains(seconds) else { throw TimeOutOfRange(seconds: seconds) }
        return Date(timeIntervalSince1970: seconds)
    }
}

/// A time that RFC 3339 cannot write: not finite, or outside the years 0001–9999.
public struct TimeOutOfRange: Error, Equatable, Sendable {
    public let seconds: Double
}
