import AstRuntime
import Foundation
import Testing

/// The linear-time matcher agrees with NSRegularExpression (ICU) on the syntax it supports, never backtracks,
/// refuses what it cannot match in linear time, and stops when its task is cancelled. (Where ICU refuses a
/// pattern — `a{,2}`, `[[]` — ours reads it literally; ICU's full case folding of `ß` is not matched.)
@Suite struct LinearRegexTests {
    static let patterns = [
        "abc", "(?i)timeout", "^b", "^abc$", "a.c", "a.*c", "a+b", "ab?c", "a{2}", "a{2,}", "a{1,3}b", "[a-c]+",
        "[^a-c]", "\\d+", "\\D", "\\w+@\\w+\\.com", "\\W", "\\s", "\\S+$", "(ab|cd)+e", "(a|b)*c", "(?:x|y)z",
        "(?<name>a)b", "^$", "$", "\\bfoo\\b", "\\Bo", "(?i)[A-Z]+", "(?i)ÄB", "colou?r", "\\.", "[.]", "a|", "|b",
        "(a*)*b", "(a+)+$", "x*", "[\\d\\s]+", "[a\\-z]", "[-a]", "[]a]", "\\x41", "\\u00e9", "(?m)^b",
        "(?m)a$", "(?s)a.b", "a.b", "(?i:a)B", "(?i)a(?-i)B", "\\Aab", "ab\\z", "ab\\Z", "é+", "[à-ü]", "\\t",
        "a*?b", "a+?", "(a|ab)(c|bcd)(d*)", "[^\\n]+", "^\\s*#", "\\$\\d+", "a{0}", "a{0,0}b",
    ]
    static let subjects = [
        "", "abc", "ABC", "xabcx", "Timeout after 30s", "TIMEOUT", "b", "a\nb", "a\nb\n", "ab\n", "aab", "aaab",
        "ac", "abbc", "a.c", "123", "x1y", "me@site.com", "foo bar", "foobar", "  # comment", "$42", "éé", "Ä b",
        "äb", "color", "colour", "abcd", "cdcdabe", "xz", "yz", "zz", "aaaa", "é", "ü", "a\tb", "a\rb", "a-z", "]",
        "[", "ABab", "ab\r\n", "ß", "SS", "a\u{2028}b", "Abc",
    ]

    @Test(arguments: patterns)
    func agreesWithICU(_ pattern: String) throws {
        let ours = try LinearRegex(pattern)
        let icu = try NSRegularExpression(pattern: pattern)
        for subject in Self.subjects {
            let expected = icu.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
            #expect(try ours.firstMatchExists(in: subject) == expected, "\(pattern) on \(subject.debugDescription)")
        }
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences"), ("\\k<x>", "backreferences"), ("(?=a)", "lookaround"), ("(?!a)", "lookaround"),
        ("(?<=a)b", "lookaround"), ("(?<!a)b", "lookaround"), ("(?>a)", "atomic"), ("(", "missing ')'"),
        (")", "unmatched ')'"), ("[a", "missing ']'"), ("*a", "nothing to repeat"), ("a{3,1}", "below the minimum"),
        ("a{5000}", "above 1000"), ("\\p{L}", "property"), ("\\q", "unknown escape"), ("[z-a]", "bad range"),
        ("(?x)a", "unsupported flag"), ("(a{1000}){1000}", "too large"), ("a\\", "trailing backslash"),
    ])
    func refusesWithAClearMessage(_ pattern: String, _ fragment: String) {
        do {
            _ = try LinearRegex(pattern)
            Issue.record("\(pattern) compiled")
        } catch {
            #expect(error.message.contains(fragment), "\(pattern): \(error.message)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func catastrophicPatternsAreLinear() throws {
        let subject = String(repeating: "a", count: 100_000) + "!"
        for pattern in ["(a+)+$", "(a|aa)+$", "(a*)*b", "(a|a)*c", "^(a?){50}a{50}$", "(x+x+)+y"] {
            let start = ContinuousClock.now
            #expect(try LinearRegex(pattern).firstMatchExists(in: subject) == false)
            #expect(ContinuousClock.now - start < .seconds(20), "\(pattern)")
        }
    }

    @Test func aLongMatchStopsWhenCancelled() async throws {
        let subject = String(repeating: "ab", count: 20_000_000)
        let regex = try LinearRegex("(a|b|c)*(x|yy|zzz)+q")
        let task = Task { try regex.firstMatchExists(in: subject) }
        try await Task.sleep(for: .milliseconds(200))
        let cancelled = ContinuousClock.now
        task.cancel()
        let outcome = await task.result
        #expect(ContinuousClock.now - cancelled < .seconds(2))
        #expect(throws: CancellationError.self) { try outcome.get() }
    }
}
