import AstTime
import Foundation
import Testing

@testable import AstRuntime

/// The hand-written output paths must print exactly what the formatted ones did.
@Suite("output formatting")
struct OutputFormatTests {
    /// Every value writes its time through AstTime's one writer (its oracle tests are in AstTimeTests).
    @Test("times are written by RFC3339.format, year -1 included")
    func rfc3339() {
        for seconds in [0.0, -0.0005, 0.9995, 86_399.9996, -62_167_219_200, 253_402_300_799.999, -62_167_219_201] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Value.time(date).text == RFC3339.format(date))
        }
        #expect(Value.time(Date(timeIntervalSince1970: -62_167_219_201)).text == "-0001-12-31T23:59:59Z")
    }

    @Test("compact JSON: escapes only where needed, keys in order")
    func compactJSON() throws {
        let record = Record([
            ("plain", .string("café 🚀")), ("esc", .string("a\"b\\c\nd\u{01}")), ("n", .int(-3)), ("f", .float(2)),
            ("t", .time(Date(timeIntervalSince1970: 1.5))), ("d", .duration(90)),
            ("l", .list([.null, .bool(true), .list([])])),
            ("r", .record(Record())),
        ])
        #expect(
            JSONText.encode(.record(record))
                == #"{"plain":"café 🚀","esc":"a\"b\\c\nd\u0001","n":-3,"f":2.0,"t":"1970-01-01T00:00:01.500Z","d":90,"l":[null,true,[]],"r":{}}"#
        )
    }
}
