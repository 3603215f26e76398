import AstSyntax
import Testing

/// The walker reaches every node: a program using every syntax form, visited once per node, each
/// child after its parent (`enter`) and before its parent's `leave`.
@Suite struct SyntaxWalkTests {
    /// Every syntax form, in positions only their parent's edge reaches.
    static let everyForm = """
        let a = [1, {k: "s\\(2 | count)"}, 'raw', 2026-11-01, 5m, null, true, 1.5]
        def f(x, y = -1) { return $x.b?[0] + -$y }
        if not $a { break } else if $a == 1 { continue } else { exit (f 1) }
        for i in $a | where .k? != null { try { f $i } catch e { print $e } }
        try { print hello }
        [1] | each -p 2 { $it } | sort-by --desc x | each rerun | first n=1
        let v = if true { 1 } else { 2 }
        """

    /// A label per node kind; exhaustive, so a new syntax form must be named here too.
    static func label(_ node: SyntaxNode) -> String {
        switch node {
        case .program: return "program"
        case .block: return "block"
        case .param: return "param"
        case .pipeline: return "pipeline"
        case .call(let c):
            return "call"
                + (c.arguments.contains { if case .named = $0 { true } else { false } } ? "+named" : "")
                + (c.arguments.contains { if case .flag = $0 { true } else { false } } ? "+flag" : "")
                + (c.arguments.contains { if case .stage = $0 { true } else { false } } ? "+stage" : "")
        case .statement(let s):
            switch s.kind {
            case .let: return "let"
            case .def: return "def"
            case .if: return "if"
            case .block: return "else"
            case .for: return "for"
            case .try(_, _, let handler): return handler == nil ? "try" : "try-catch"
            case .return: return "return"
            case .break: return "break"
            case .continue: return "continue"
            case .exit: return "exit"
            case .pipeline: return "stmt-pipeline"
            }
        case .expr(let e):
            switch e.kind {
            case .literal: return "literal"
            case .interpolation: return "interpolation"
            case .bareWord: return "bareWord"
            case .variable: return "variable"
            case .field(let base, _, _): return base == nil ? "field-of-it" : "field"
            case .index: return "index"
            case .list: return "list"
            case .record: return "record"
            case .block: return "block-expr"
            case .binary: return "binary"
            case .unary: return "unary"
            case .subpipeline: return "subpipeline"
            case .statement: return "statement-expr"
            }
        }
    }

    struct Counter: SyntaxVisitor {
        var counts: [String: Int] = [:]
        var depth = 0
        var maxDepth = 0
        var balanced = true

        mutating func enter(_ node: SyntaxNode) -> Bool {
            counts[SyntaxWalkTests.label(node), default: 0] += 1
            depth += 1
            maxDepth = max(maxDepth, depth)
            return true
        }

        mutating func leave(_ node: SyntaxNode) {
            depth -= 1
            if depth < 0 { balanced = false }
        }
    }

    @Test func everyNodeIsVisitedOnce() throws {
        let parsed = Parser.parse(
            Self.everyForm, options: ParserOptions(expressionCommands: ["where"], stageCommands: ["each"]))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        var counter = Counter()
        counter.walk(.program(parsed.program))
        #expect(counter.balanced && counter.depth == 0)
        let expected: [String: Int] = [
            "program": 1, "let": 2, "def": 1, "if": 3, "else": 2, "for": 1, "try": 1, "try-catch": 1, "return": 1,
            "break": 1, "continue": 1, "exit": 1, "stmt-pipeline": 7, "statement-expr": 1,
            "block": 11, "param": 2, "pipeline": 13,
            "call": 7, "call+named": 1, "call+flag": 2, "call+stage": 1,
            "literal": 19, "interpolation": 1, "bareWord": 2, "variable": 8, "field-of-it": 1, "field": 1, "index": 1,
            "list": 2, "record": 1, "block-expr": 1, "binary": 3, "unary": 2, "subpipeline": 1,
        ]
        for key in Set(expected.keys).union(counter.counts.keys).sorted() {
            #expect(
                counter.counts[key] == expected[key],
                "\(key): visited \(counter.counts[key] ?? 0), expected \(expected[key] ?? 0)")
        }
    }

    @Test func aVisitorCanSkipChildren() {
        struct TopLevel: SyntaxVisitor {
            var statements = 0
            var left = 0
            mutating func enter(_ node: SyntaxNode) -> Bool {
                if case .statement = node { statements += 1 }
                return !(node.isStatement)
            }
            mutating func leave(_ node: SyntaxNode) { left += 1 }
        }
        var visitor = TopLevel()
        visitor.walk(.program(Parser.parse(Self.everyForm).program))
        #expect(visitor.statements == 7)
        #expect(visitor.left == 8)
    }
}

extension SyntaxNode {
    fileprivate var isStatement: Bool { if case .statement = self { true } else { false } }
}
