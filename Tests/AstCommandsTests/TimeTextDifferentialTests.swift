import AstSyntax
import AsteroidClient
import Foundation
import SnapshotSupport
import Testing

/// The language's time literal and the API client accept exactly the same text, and read it as the same
/// instant, over a seeded generated corpus of near-RFC 3339 strings (valid ones and one-part-wrong ones:
/// impossible days, `+0200` offsets, missing fractions, trailing junk, truncations).
@Suite struct TimeTextDifferentialTests {
    /// The client's reading: a JSON date decoded by the wire decoder.
    static func client(_ text: String) -> Date? {
        try? AsteroidJSON.makeDecoder().decode(Date.self, from: Data("\"\(text)\"".utf8))
    }

    /// The language's reading: the whole text lexes as one time literal (or, for text with a space, which
    /// a literal cannot hold, the same grammar as `into time` and typed script parameters use).
    static func language(_ text: String) -> Date? {
        if text.contains(" ") { return Literals.time(text) }
        let output = Lexer.tokenize(SourceFile(name: "t", text: text))
        guard output.diagnostics.isEmpty, output.tokens.count == 2, case .time(let date) = output.tokens[0].kind
        else { return nil }
        return date
    }

    @Test func languageAndClientAcceptTheSameTimes() {
        var random = TestRandom()
        let seed = random.seed
        var accepted = 0
        var rejected = 0
        for _ in 0..<20_000 {
            let text = Self.candidate(&random)
            // A bare day (`2026-11-01`) is a language literal but not an RFC 3339 date-time.
            if text.utf8.count == 10, Literals.time(text) != nil { continue }
            let (language, client) = (Self.language(text), Self.client(text))
            #expect(
                language == client,
                "seed \(seed): \"\(text)\" language \(String(describing: language)) client \(String(describing: client))"
            )
            if client == nil { rejected += 1 } else { accepted += 1 }
        }
        #expect(accepted > 2_000, "seed \(seed)")
        #expect(rejected > 2_000, "seed \(seed)")
    }

    @Test(arguments: ["2026-12-01T10:00:00+0200", "2026-12-01T10:00:00-0530"])
    func offsetWithoutColonIsRefusedByBoth(_ text: String) {
        #expect(Self.client(text) == nil)
        #expect(Self.language(text) == nil)
    }

    @Test func offsetWithColonIsTheSameInstantInBoth() {
        let text = "2026-12-01T10:00:00+02:00"
        #expect(Self.client(text) == Date(timeIntervalSince1970: 1_796_112_000))
        #expect(Self.language(text) == Self.client(text))
    }

    static func candidate(_ r: inout TestRandom) -> String {
        func pick(_ choices: [String]) -> String { choices[Int(r.next() % UInt64(choices.count))] }
        func number(_ range: ClosedRange<Int>, _ width: Int) -> String {
            let text = String(Int.random(in: range, using: &r))
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        func often(_ good: String, _ bad: [String]) -> String { r.next() % 5 == 0 ? pick(bad) : good }
        var text = often(number(0...9999, 4), ["-0001", "202", "20261", "2O26"]) + "-"
        text += often(number(1...12, 2), ["00", "13", "1", "1a"]) + "-"
        text += often(number(1...28, 2), ["00", "29", "30", "31", "32", "3"])
        text += often(pick(["T", "t"]), [" ", "_", "x", ""])
        text += often(number(0...23, 2), ["24", "1", "99"]) + ":"
        text += often(number(0...59, 2), ["60", "5"]) + often(":", ["", "."])
        text += often(number(0...59, 2), ["60", "61", "6"])
        text += pick(["", "", ".", ".5", ".123", ".123456789", ".0"])
        text += often(
            pick(["Z", "z", "+02:00", "-05:30", "+00:00", "-23:59"]),
            ["", "+0200", "-0530", "+24:00", "+02:60", "+2:00", "+02", "Zz", "+02:00:00", "Y"])
        switch r.next() % 20 {
        case 0: text += pick(["x", "0", " ", ":"])
        case 1: text = String(text.prefix(Int(r.next() % UInt64(text.count))))
        default: break
        }
        return text
    }
}
