import AsteroidModels
import Foundation
import SnapshotSupport
import Testing

@testable import AstRuntime

/// The hand-written output paths must print exactly what the formatted ones did.
@Suite("output formatting")
struct OutputFormatTests {
    /// The API models' writer (an independent implementation) is the oracle for years 0–9999.
    @Test("RFC 3339 written digit by digit = the API models' writer")
    func rfc3339() {
        var random = TestRandom()
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -62_167_219_200...253_402_300_799, using: &random))
            #expect(TimeFormat.rfc3339(date) == RFC3339.format(date), "seed \(random.seed) (TEST_SEED replays it)")
        }
        for seconds in [0.0, -0.0005, 0.9995, 86_399.9996, -62_167_219_200, 253_402_300_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(TimeFormat.rfc3339(date) == RFC3339.format(date))
        }
        #expect(TimeFormat.rfc3339(Date(timeIntervalSince1970: -62_167_219_201)) == "-001-12-31T23:59:59Z")
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
