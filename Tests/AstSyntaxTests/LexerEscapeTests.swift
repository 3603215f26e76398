import AstSyntax
import Testing

/// Every escape of the language reference (§2) and the diagnostics for the ones that are not escapes.
@Suite struct LexerEscapeTests {
    func lex(_ text: String) -> (kinds: [TokenKind], diagnostics: [Diagnostic]) {
        let result = Lexer.tokenize(SourceFile(name: "t", text: text))
        return (result.tokens.map(\.kind).dropLast().map { $0 }, result.diagnostics)
    }

    @Test(arguments: [
        (#""\n""#, "\n"), (#""\t""#, "\t"), (#""\r""#, "\r"), (#""\0""#, "\0"), (#""\\""#, "\\"),
        (#""\"""#, "\""), (#""\$""#, "$"), (#""\u{41}""#, "A"), (#""\u{1F600}""#, "😀"),
    ])
    func escape(_ source: String, _ text: String) {
        let lexed = lex(source)
        #expect(lexed.diagnostics.isEmpty)
        #expect(lexed.kinds == [.string([.text(text)])])
    }

    @Test(arguments: [#""\q""#, #""\d+""#, #""a\.b""#])
    func unknownEscapeNamesTheRawAlternative(_ source: String) {
        let lexed = lex(source)
        #expect(lexed.diagnostics.map(\.code) == [DiagnosticCode.invalidEscape])
        #expect(lexed.diagnostics.first?.help?.contains("raw string") == true)
        #expect(lexed.diagnostics.first?.help?.contains(#"\0"#) == true)
    }

    @Test func rawStringsKeepBackslashes() {
        #expect(lex(#"'\d+\.\n'"#).kinds == [.rawString(#"\d+\.\n"#)])
    }
}
