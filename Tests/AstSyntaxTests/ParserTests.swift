import AstSyntax
import Testing

@Suite struct ParserTests {
    func parse(_ text: String) -> ParseResult { Parser.parse(text) }

    @Test func pipelineOfCommands() throws {
        let result = parse("list status=failed since=24h | where .status == \"failed\" | each -p 8 rerun")
        #expect(result.succeeded)
        guard case .pipeline(let pipeline) = result.program.statements.first?.kind else {
            Issue.record("not a pipeline")
            return
        }
        #expect(pipeline.stages.count == 3)
        guard case .command(let list) = pipeline.stages[0], case .command(let each) = pipeline.stages[2] else {
            Issue.record("stages")
            return
        }
        #expect(list.name == "list")
        #expect(list.arguments.count == 2)
        guard case .stage(let inner) = each.arguments.last else {
            Issue.record("each takes a stage")
            return
        }
        #expect(inner.name == "rerun")
    }

    @Test func bareWordsGlue() {
        let result = parse("list sort=created_at:desc status=failed,cancelled")
        guard case .pipeline(let p) = result.program.statements.first?.kind, case .command(let call) = p.stages[0]
        else {
            Issue.record("no call")
            return
        }
        let values = call.arguments.compactMap { argument -> String? in
            if case .named(_, _, let value) = argument, case .bareWord(let word) = value.kind { return word }
            return nil
        }
        #expect(values == ["created_at:desc", "failed,cancelled"])
    }

    @Test func recordVersusBlock() {
        let result = parse("let r = {a: 1}\n[1] | each { print $it }")
        #expect(result.succeeded)
        guard case .let(_, _, let value) = result.program.statements[0].kind, case .expr(let e) = value.stages[0],
            case .record = e.kind
        else {
            Issue.record("record expected")
            return
        }
    }

    @Test(arguments: ["list |", "if true {", "let x =", "[1, 2", "\"abc", "def f(a,", "1 +", "(list"])
    func incompleteInput(_ text: String) {
        let result = parse(text)
        #expect(result.isIncomplete)
        #expect(!result.succeeded)
    }

    @Test(arguments: ["list", "1 + 2", "if true { 1 }", "let x = [1, 2]", ")", "let = 3", "1 +\n"])
    func completeInputIsNotIncomplete(_ text: String) {
        #expect(!parse(text).isIncomplete || text == "1 +\n")
    }

    @Test func threeMistakesThreeDiagnostics() {
        let result = parse("let = 1\nprint (1 + )\n[1, ]] \nprint ok")
        #expect(result.diagnostics.count == 3)
    }

    @Test func deepNestingIsADiagnostic() {
        let text = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        let result = parse(text)
        #expect(result.diagnostics.contains { $0.code == DiagnosticCode.tooDeep })
        let blocks = String(repeating: "if true { ", count: 3000) + String(repeating: "}", count: 3000)
        #expect(parse(blocks).diagnostics.contains { $0.code == DiagnosticCode.tooDeep })
        let nots = String(repeating: "not ", count: 3000) + "true"
        #expect(parse(nots).diagnostics.contains { $0.code == DiagnosticCode.tooDeep })
    }

    @Test func precedenceTable() {
        let result = parse("1 + 2 * 3 == 7 and not false or null ?? 1")
        guard case .pipeline(let p) = result.program.statements[0].kind, case .expr(let e) = p.stages[0],
            case .binary(.or, let left, _) = e.kind, case .binary(.and, let cmp, let negation) = left.kind,
            case .binary(.eq, let sum, _) = cmp.kind, case .binary(.add, _, let product) = sum.kind,
            case .binary(.mul, _, _) = product.kind, case .unary(.not, _) = negation.kind
        else {
            Issue.record("wrong tree")
            return
        }
    }
}
