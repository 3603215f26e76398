import Foundation
import SnapshotSupport
import Testing

@testable import AstTime

/// The one RFC 3339 parser and writer, against Foundation's calendar as an independent oracle.
@Suite struct RFC3339Tests {
    /// Foundation's Gregorian calendar switches to Julian before 1582, so the oracle covers 1583–9999.
    @Test func writerMatchesFoundationsCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        var random = TestRandom()
        let seed = random.seed
        for _ in 0..<5_000 {
            let seconds = Double(Int64.random(in: -12_212_553_600...253_402_300_799, using: &random))
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                c.minute ?? 0, c.second ?? 0)
            #expect(RFC3339.format(date) == expected, "seed \(seed)")
            #expect(RFC3339.parse(expected) == date, "seed \(seed)")
        }
    }

    /// RFC 3339 §5.6 requires the colon in a numeric offset; the language and the client both refuse `+0200`.
    @Test(arguments: [
        "2026-12-01T10:00:00+0200", "2026-12-01T10:00:00-0530", "2026-12-01T10:00:00+02",
        "2026-12-01T10:00:00+02:0", "2026-12-01T10:00:00+2:00",
    ])
    func offsetWithoutColonIsRefused(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
        #expect(RFC3339.parseDayOrTime(text) == nil)
    }

    @Test func offsetsWithColonShiftToUTC() {
        #expect(RFC3339.parse("2026-12-01T10:00:00+02:00") == RFC3339.parse("2026-12-01T08:00:00Z"))
        #expect(RFC3339.parse("2026-12-01T10:00:00-05:30") == RFC3339.parse("2026-12-01T15:30:00Z"))
    }

    @Test func yearMinusOneIsWrittenWithItsSign() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: -62_167_219_201)) == "-0001-12-31T23:59:59Z")
        #expect(RFC3339.parse("-0001-12-31T23:59:59Z") == nil)
    }

    @Test func checkedConversionIsAnErrorValueOutside0001To9999() throws {
        for seconds in [Double.nan, .infinity, -.infinity, -62_135_596_801, 253_402_300_800, 1e300] {
            #expect(throws: TimeOutOfRange.self) { try RFC3339.checkedDate(secondsSince1970: seconds) }
        }
        #expect(
            try RFC3339.checkedDate(secondsSince1970: -62_135_596_800) == Date(timeIntervalSince1970: -62_135_596_800))
        #expect(try RFC3339.checkedDate(secondsSince1970: 0) == Date(timeIntervalSince1970: 0))
    }

    @Test func dayAndWallTimeForms() {
        #expect(RFC3339.parseDayOrTime("2026-11-01") == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(RFC3339.parseDayOrTime("2026-02-30") == nil)
        #expect(RFC3339.parseWallTime("2026-11-01 10:00") == Date(timeIntervalSince1970: 1_793_491_200 + 36_000))
        #expect(RFC3339.parseWallTime("2026-11-01T10:00:05") == Date(timeIntervalSince1970: 1_793_491_200 + 36_005))
        #expect(RFC3339.parseWallTime("2026-11-01 24:00") == nil)
        #expect(RFC3339.parseWallTime("2026-11-01") == nil)
    }

    @Test(arguments: [
        ("250ms", 0.25), ("90s", 90), ("1h30m", 5400), ("7d", 604_800), ("2w", 1_209_600),
        ("1.5h", 5400), ("1d12h", 129_600),
    ])
    func durations(_ text: String, _ seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "h", "1", "1x", "-1h", "1 h", "1.h2"])
    func notDurations(_ text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}
