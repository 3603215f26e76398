import Testing

@testable import AstSyntax

/// E006: number and date literals that cannot be what they look like.
@Suite struct LexerNumberTests {
    func parse(_ text: String) -> [Diagnostic] {
        Parser.parse(SourceFile(name: "t", text: text)).diagnostics
    }

    @Test(arguments: ["2026-13-45", "2026-00-10", "2026-11-32", "let d = 2026-13-01", "2026-02-29", "2026-04-31"])
    func impossibleDateIsOneDiagnostic(_ text: String) {
        let diagnostics = parse(text)
        #expect(diagnostics.map(\.code) == [DiagnosticCode.invalidNumber])
        #expect(diagnostics.first?.message.hasPrefix("invalid date '") == true)
    }

    @Test func validDatesAndArithmeticStayAsTheyWere() {
        #expect(parse("2026-11-01 + 1d").isEmpty)
        #expect(parse("10-2-3").isEmpty)
        #expect(parse("2026 - 13 - 45").isEmpty)
        #expect(parse("2024-02-29 + 2000-02-29 + 2026-12-31").isEmpty)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("1900-02-29", false), ("2026-02-28", true), ("2026-02-30", false),
        ("2026-04-31", false), ("2026-02-30T10:00:00Z", false),
    ])
    func daysMustExistInTheirMonth(_ text: String, _ valid: Bool) {
        #expect((Literals.time(text) != nil) == valid)
    }

    @Test func tooLargeIntegerInAnExpression() {
        let diagnostics = parse("1 + 99999999999999999999")
        #expect(diagnostics.map(\.code) == [DiagnosticCode.invalidNumber])
        #expect(diagnostics.first?.message == "integer literal 99999999999999999999 is too large")
        #expect(diagnostics.first?.span == Span(4, 24))
    }

    @Test func longDigitWordIsStillAnArgument() {
        #expect(parse("print 99999999999999999999").isEmpty)
    }
}

/// An operator right after a command's arguments is a common slip: the help says how to write it.
@Suite struct CommandResultOperatorTests {
    @Test(arguments: ["help | count > 0", "[1] | json -c == \"[1]\"", "list | count ?? 0"])
    func operatorAfterArgumentsSuggestsParentheses(_ text: String) {
        let diagnostics = Parser.parse(SourceFile(name: "t", text: text)).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.help?.contains("wrap the pipeline in parentheses") == true)
    }

    @Test func parenthesizedPipelineCompares() {
        #expect(Parser.parse(SourceFile(name: "t", text: "(help | count) > 0")).diagnostics.isEmpty)
    }
}
