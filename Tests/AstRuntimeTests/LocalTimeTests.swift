import AstRuntime
import AstTime
import Foundation
import Testing

/// Times as people read and type them: local wall times with a zone marker, ages, loose forms.
@Suite struct LocalTimeTests {
    static let moment = Date(timeIntervalSince1970: 1_796_120_833)  // 2026-12-01T10:27:13Z
    static let paris = LocalTime.zone(named: "Europe/Paris")
    static let utc = LocalTime.zone(named: nil)

    @Test func wallTimeAndMarker() {
        #expect(LocalTime.text(Self.moment, zone: Self.utc) == "2026-12-01 10:27:13 UTC")
        #expect(LocalTime.text(Self.moment, zone: Self.paris) == "2026-12-01 11:27:13 +01:00")
        #expect(
            LocalTime.text(Self.moment, zone: LocalTime.zone(named: ":America/New_York"))
                == "2026-12-01 05:27:13 -05:00")
        // Unset, empty or unknown TZ: UTC.
        #expect(LocalTime.text(Self.moment, zone: LocalTime.zone(named: "")) == "2026-12-01 10:27:13 UTC")
        #expect(
            LocalTime.text(Self.moment, zone: LocalTime.zone(named: "Nowhere/Atlantis")) == "2026-12-01 10:27:13 UTC")
    }

    @Test func ages() {
        let cases: [(Double, String)] = [
            (0, "just now"), (59, "59s ago"), (300, "5m ago"), (7260, "2h ago"), (3 * 86_400, "3d ago"),
            (-300, "in 5m"),
        ]
        for (secondsAgo, expected) in cases {
            #expect(LocalTime.age(Self.moment.addingTimeInterval(-secondsAgo), now: Self.moment) == expected)
        }
    }

    @Test func parsesTheFormsPeopleType() {
        func time(_ text: String, _ zone: TimeZone = LocalTimeTests.utc) -> String? {
            if case .time(let date)? = LocalTime.parse(text, now: Self.moment, zone: zone) {
                return RFC3339.format(date)
            }
            return nil
        }
        #expect(time("today") == "2026-12-01T00:00:00Z")
        #expect(time("yesterday") == "2026-11-30T00:00:00Z")
        #expect(time("today", Self.paris) == "2026-11-30T23:00:00Z")
        #expect(time("2026-12-01T10:00") == "2026-12-01T10:00:00Z")
        #expect(time("2026-12-01 10:00:05") == "2026-12-01T10:00:05Z")
        #expect(time("2026-12-01 10:00", Self.paris) == "2026-12-01T09:00:00Z")
        #expect(time("2026-07-01 10:00", Self.paris) == "2026-07-01T08:00:00Z")  // summer time
        #expect(time("2026-12-01T10:00:00Z", Self.paris) == "2026-12-01T10:00:00Z")  // an explicit zone wins
        #expect(time("2026-12-01 25:00") == nil)
        #expect(time("soon") == nil)
        if case .duration(let seconds)? = LocalTime.parse("-5m", now: Self.moment) {
            #expect(seconds == -300)
        } else {
            Issue.record("-5m")
        }
        if case .duration(let seconds)? = LocalTime.parse("1h", now: Self.moment) {
            #expect(seconds == 3600)
        } else {
            Issue.record("1h")
        }
    }

    @Test func truncates() {
        func cut(_ unit: String, _ zone: TimeZone = LocalTimeTests.utc) -> String? {
            LocalTime.truncate(Self.moment, to: unit, zone: zone).map(RFC3339.format)
        }
        #expect(cut("minute") == "2026-12-01T10:27:00Z")
        #expect(cut("hour") == "2026-12-01T10:00:00Z")
        #expect(cut("day") == "2026-12-01T00:00:00Z")
        #expect(cut("day", Self.paris) == "2026-11-30T23:00:00Z")
        #expect(cut("week") == "2026-11-30T00:00:00Z")  // Monday
        #expect(cut("month") == "2026-12-01T00:00:00Z")
        #expect(cut("year") == "2026-01-01T00:00:00Z")
        #expect(cut("fortnight") == nil)
    }

    @Test func fieldPathsTakeListIndexes() {
        #expect(FieldAccess.splitIndexes("humanLabels[0]") == ("humanLabels", [0]))
        #expect(FieldAccess.splitIndexes("a[1][-1]") == ("a", [1, -1]))
        #expect(FieldAccess.splitIndexes("plain") == ("plain", []))
        #expect(FieldAccess.splitIndexes("odd[key]") == ("odd[key]", []))
    }
}
