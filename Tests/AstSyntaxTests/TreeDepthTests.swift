import AstSyntax
import Testing

/// Chains the parser builds in a loop used to make trees deep enough to overflow the stack of every recursive
/// walk (checker, evaluator, deallocation): 37,000 terms crashed `ast` with no diagnostic. Now E007.
@Suite struct TreeDepthTests {
    static let terms = 37_000

    static let forms: [(name: String, text: String)] = [
        ("sum", Array(repeating: "1", count: terms).joined(separator: " + ")),
        ("fields", "$x" + String(repeating: ".a", count: terms)),
        ("indexes", "[1]" + String(repeating: "[0]", count: terms)),
        ("optional fields", "$x" + String(repeating: ".a?", count: terms)),
        ("comparisons", Array(repeating: "1", count: terms).joined(separator: " == ")),
        ("coalesce", Array(repeating: "null", count: terms).joined(separator: " ?? ")),
        ("else if", "if false { 1 }" + String(repeating: " else if false { 1 }", count: terms)),
    ]

    @Test(arguments: forms.map(\.name))
    func deepChainIsE007(_ name: String) throws {
        let text = try #require(Self.forms.first { $0.name == name }).text
        for program in [text, "if false { \(text) }", "let f = { \(text) }", "[(\(text))]"] {
            let result = Parser.parse(program)
            #expect(
                result.diagnostics.map(\.code) == [DiagnosticCode.tooDeep],
                "\(name): \(result.diagnostics.map(\.message))")
            #expect(result.diagnostics.first?.message.contains("too deep") == true)
        }
    }

    @Test func chainsUpToTheLimitParse() {
        let limit = ParserOptions().maxTreeDepth
        let sum = Array(repeating: "1", count: limit - 10).joined(separator: " + ")
        let parsed = Parser.parse("let x = \(sum)")
        #expect(parsed.diagnostics.isEmpty)
        let over = Parser.parse(Array(repeating: "1", count: limit + 1).joined(separator: " + "))
        #expect(over.diagnostics.map(\.code) == [DiagnosticCode.tooDeep])
    }

    @Test func depthAddsUpThroughBlocksAndParentheses() {
        // Two chains of 600 each fit alone; one inside the other makes a tree of 1,200.
        let inner = Array(repeating: "1", count: 600).joined(separator: " + ")
        let outer = "(" + inner + ")" + String(repeating: " + 1", count: 600)
        #expect(Parser.parse(inner).diagnostics.isEmpty)
        #expect(Parser.parse(outer).diagnostics.map(\.code) == [DiagnosticCode.tooDeep])
        let viaBlock = "let f = { " + inner + " }" + "\n$f" + String(repeating: ".a", count: 10)
        #expect(Parser.parse(viaBlock).diagnostics.isEmpty)
    }

    @Test func nestedEachStagesAreBounded() {
        let text = "[1] | each " + String(repeating: "each ", count: Self.terms) + "count"
        #expect(Parser.parse(text).diagnostics.map(\.code) == [DiagnosticCode.tooDeep])
    }

    @Test func theStatementAfterATooDeepOneStillParses() {
        let sum = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        let result = Parser.parse(sum + "\nlet y = (")
        #expect(result.diagnostics.map(\.code) == [DiagnosticCode.tooDeep, DiagnosticCode.unexpectedEnd])
    }
}
