import AstRuntime
import AstSyntax
import AstTime
import Foundation
import Testing

/// Reproductions from issue 12 that crashed or hung the language (goldens in Golden/hostile cover the rest).
@Suite struct HostileInputTests {
    @Test(arguments: ["1 + ", "$x.a", "[1][0]"])
    func deepChainsGiveE007NotAStackOverflow(_ form: String) async {
        let chain: String
        switch form {
        case "1 + ": chain = Array(repeating: "1", count: 37_000).joined(separator: " + ")
        case "$x.a": chain = "$x" + String(repeating: ".a", count: 37_000)
        default: chain = "[1]" + String(repeating: "[0]", count: 37_000)
        }
        let result = await Harness.run("let x = {a: 1}\nif false { \(chain) }")
        #expect(result.code == 2)
        #expect(result.err.contains("E007") || result.err.contains("too deep"), "\(result.err.prefix(300))")
    }

    @Test func deepButAllowedRecursionRuns() async {
        // 199 calls, each evaluating a 985-deep chain: the evaluator's stack holds the product.
        let body = "(f ($n - 1))" + String(repeating: " + 1", count: 985)
        let result = await Harness.run("def f(n) { if $n > 0 { \(body) } else { 0 } }\nf 199")
        #expect(result.code == 0, "\(result.err.prefix(300))")
        #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines) == String(199 * 985))
    }

    @Test func deeplyNestedValuesAreRefusedNotOverflowed() async {
        // 199 calls each wrapping the result in 60 brackets: a value 11,940 deep crashed `==`, printing and JSON.
        let open = String(repeating: "[", count: 60)
        let close = String(repeating: "]", count: 60)
        let program = "def f(n) { if $n == 0 { [] } else { \(open)(f ($n - 1))\(close) } }\nlet v = f 199\n$v == $v"
        let result = await Harness.run(program)
        #expect(result.code == 1)
        #expect(
            result.err.contains("value is nested too deeply (more than 1000 lists and records)"),
            "\(result.err.prefix(300))")
        let shallow = await Harness.run(
            "def f(n) { if $n == 0 { [] } else { [[[[(f ($n - 1))]]]] } }\nlet v = f 199\n$v == $v")
        #expect(shallow.out.trimmingCharacters(in: .whitespacesAndNewlines) == "true", "\(shallow.err.prefix(300))")
    }

    @Test func aFileThatSourcesItselfStopsWithTheChain() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("self-source-\(UUID().uuidString).ast")
            .path
        try "source \(path)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = await Harness.run("source \(path)")
        #expect(result.code == 1)
        #expect(result.err.contains("source is nested too deeply (more than 64 files)"), "\(result.err)")
        #expect(result.err.contains("\(path) → \(path)"))
    }

    @Test func sourcingUpToTheLimitWorks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "source-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for level in 1...63 {
            let next = level < 63 ? "source \(directory.path)/\(level + 1).ast" : "let deepest = \(level)"
            try "\(next)\n".write(toFile: "\(directory.path)/\(level).ast", atomically: true, encoding: .utf8)
        }
        let result = await Harness.run("source \(directory.path)/1.ast\n$deepest")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("63"))
    }

    @Test(arguments: [6.048e19, -6.048e19, 1e300, -1e300, .infinity, -.infinity, .nan, 9.3e18, -9.3e18])
    func extremeTimesFormatWithoutTrapping(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let text = RFC3339.format(date)
        #expect(text.count >= 20)
        // Outside the years 0000–9999 the year is written as it is, which RFC 3339 (and so `parse`) refuses.
        #expect((RFC3339.parse(text) != nil) == seconds.isNaN, "\(text)")
        #expect(Value.time(date).literal == text)
        #expect(RFC3339.millisecondPrecision(date).timeIntervalSince1970.isFinite)
    }

    /// One writer: the language and the API client write an out-of-range time the same way.
    @Test func theEndsOfTheTimeRangeFormat() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1e20)) == "31690708-07-05T01:46:40Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -62_167_219_201)) == "-0001-12-31T23:59:59Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 253_402_300_799.999)) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -62_167_219_200)) == "0000-01-01T00:00:00Z")
    }
}
