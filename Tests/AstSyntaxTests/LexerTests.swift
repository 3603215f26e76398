import AstSyntax
import Foundation
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind).dropLast().map { $0 }
    }

    @Test(arguments: [
        ("250ms", 0.25), ("90s", 90.0), ("15m", 900.0), ("24h", 86_400.0), ("7d", 604_800.0), ("2w", 1_209_600.0),
        ("1d12h", 129_600.0),
    ])
    func durations(_ text: String, _ seconds: Double) {
        #expect(kinds(text) == [.duration(seconds)])
    }

    @Test func numbersAndTimes() {
        #expect(kinds("42 1.5") == [.int(42), .float(1.5)])
        #expect(kinds("2026-11-01") == [.time(Date(timeIntervalSince1970: 1_793_491_200))])
        #expect(kinds("2026-11-01T10:00:00Z") == [.time(Date(timeIntervalSince1970: 1_793_527_200))])
    }

    @Test func uuidIsOneWord() {
        #expect(kinds("3c90c3cc-0d44-4b50-8888-8dd25736052a") == [.word("3c90c3cc-0d44-4b50-8888-8dd25736052a")])
        #expect(kinds("c90c3cc0-0d44") == [.ident("c90c3cc0-0d44")])
    }

    @Test func flagsVariablesOperators() {
        #expect(
            kinds("--yes -p $it == != =~ !~ ??") == [
                .longFlag("yes"), .shortFlag("p"), .variable("it"), .op("=="), .op("!="), .op("=~"), .op("!~"),
                .op("??"),
            ])
        #expect(kinds("5-3") == [.int(5), .op("-"), .int(3)])
    }

    @Test func stringsAndInterpolation() {
        let tokens = kinds(#""a\tb" 'raw\n' "x\(1 + 2)y""#)
        #expect(tokens.count == 3)
        #expect(tokens[0] == .string([.text("a\tb")]))
        #expect(tokens[1] == .rawString("raw\\n"))
        guard case .string(let pieces) = tokens[2] else {
            Issue.record("not a string")
            return
        }
        #expect(pieces.count == 3)
    }

    @Test func commentsAndNewlines() {
        #expect(kinds("a # comment\n\n b") == [.ident("a"), .newline, .ident("b")])
    }

    @Test func unterminatedStringIsIncomplete() {
        let output = Lexer.tokenize(SourceFile(name: "t", text: "\"abc"))
        #expect(output.incomplete)
        #expect(output.diagnostics.first?.code == DiagnosticCode.unterminatedString)
    }
}
