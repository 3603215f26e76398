import Foundation
import Testing

@testable import AstRuntime

/// The hand-written output paths must print exactly what the formatted ones did.
@Suite("output formatting")
struct OutputFormatTests {
    static func reference(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var whole = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(whole)) * 1000).rounded())
        if millis == 1000 {
            whole += 1
            millis = 0
        }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let (year, month, day) = TimeFormat.civil(days)
        var out = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, secondsOfDay / 3600,
            secondsOfDay / 60 % 60, secondsOfDay % 60)
        if millis != 0 { out += String(format: ".%03d", millis) }
        return out + "Z"
    }

    @Test("RFC 3339 written digit by digit = String(format:)")
    func rfc3339() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -70_000_000_000...260_000_000_000, using: &random))
            #expect(TimeFormat.rfc3339(date) == Self.reference(date))
        }
        for seconds in [0.0, -0.0005, 0.9995, 86_399.9996, -62_167_219_200, 253_402_300_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(TimeFormat.rfc3339(date) == Self.reference(date))
        }
    }

    @Test("compact JSON: escapes only where needed, keys in order")
    func compactJSON() throws {
        let record = Record([
            ("plain", .string("café 🚀")), ("esc", .string("a\"b\\c\nd\u{01}")), ("n", .int(-3)), ("f", .float(2)),
            ("t", .time(Date(timeIntervalSince1970: 1.5))), ("d", .duration(90)), ("l", .list([.null, .bool(true), .list([])])),
            ("r", .record(Record())),
        ])
        #expect(JSONText.encode(.record(record))
            == #"{"plain":"café 🚀","esc":"a\"b\\c\nd\u0001","n":-3,"f":2.0,"t":"1970-01-01T00:00:01.500Z","d":90,"l":[null,true,[]],"r":{}}"#)
    }
}
