import Foundation

/// Parsing of the literal forms that are more than digits: durations and times.
package enum Literals {
    /// Seconds per duration unit, longest spelling first so `ms` wins over `m`.
    package static let durationUnits: [(String, Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
    ]

    /// `250ms 90s 15m 24h 7d 2w 1d12h 1.5h` → seconds; nil if the text is not a duration.
    package static func duration(_ text: String) -> Double? {
        let chars = Array(text.utf8)
        var index = 0
        var total = 0.0
        var parts = 0
        while index < chars.count {
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            if index < chars.count, chars[index] == UInt8(ascii: "."), index > start {
                index += 1
                while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            }
            guard index > start, let number = Double(String(decoding: chars[start..<index], as: UTF8.self)) else {
                return nil
            }
            let unitStart = index
            while index < chars.count, (chars[index] >= 97 && chars[index] <= 122) { index += 1 }
            let unit = String(decoding: chars[unitStart..<index], as: UTF8.self)
            guard let factor = durationUnits.first(where: { $0.0 == unit })?.1 else { return nil }
            total += number * factor
            parts += 1
        }
        return parts > 0 ? total : nil
    }

    /// `2026-11-01` (midnight UTC) or RFC 3339 `2026-11-01T10:00:00Z`, `…+02:00`, fractional seconds.
    package static func time(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b.count >= 10, let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
            b[7] == UInt8(ascii: "-"), let day = digits(8, 2), (1...12).contains(month),
            (1...daysIn(month, of: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day) * 86_400)
        if b.count == 10 { return Date(timeIntervalSince1970: seconds) }
        guard b.count >= 20, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            b[16] == UInt8(ascii: ":"), let second = digits(17, 2), hour < 24, minute < 60, second <= 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        var index = 19
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= 48, b[index] <= 57 {
                seconds += Double(b[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
            let sign = b[index] == UInt8(ascii: "-") ? -1.0 : 1.0
            guard let oh = digits(index + 1, 2), index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"),
                let om = digits(index + 4, 2)
            else { return nil }
            seconds -= sign * Double(oh * 3600 + om * 60)
            index += 6
        } else {
            return nil
        }
        return index == b.count ? Date(timeIntervalSince1970: seconds) : nil
    }

    /// 28–31: `2026-02-30` is not a date (it must not roll over into March).
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
