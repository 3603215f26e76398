import AstSyntax
import Testing

/// Random and mutated inputs: the parser never crashes and every span lies inside the input.
@Suite struct ParserPropertyTests {
    static let corpus = [
        "list status=failed since=24h | where .executionResult.outcome =~ \"(?i)timeout\" | each -p 8 rerun",
        "let failed = list status=failed since=24h\nif ($failed | count) > 10 { print \"too many: \\($failed | count)\"; exit 3 }",
        "def retry-agent(agent, window = 24h) { list status=failed agent=$agent since=$window | each -p 4 rerun }",
        "try { get 3c90c3cc-0d44-4b50-8888-8dd25736052a } catch e { print $e.message }",
        "for x in [1, 2, {a: 'b', \"c d\": [3]}] { if $x.a? == null { continue } else { break } }",
        "$xs[0].a?.b ?? -1 * (2 + 3) / 4 % 5 != 6 and not 7 in [8]",
    ]

    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    static let alphabet = Array("abc$.|;,=(){}[]\"'\\#-+*/%<>!?~: \n0123456789msdhw\u{00e9}\u{1F600}")

    /// The span of every node of a program, walked by the one syntax walker, and the spans each node
    /// carries for its parts (names, keys, arguments).
    static func spans(of program: Program) -> [Span] {
        var spans: [Span] = []
        SyntaxNode.program(program).forEachNode { node in
            spans.append(node.span)
            switch node {
            case .statement(let s):
                switch s.kind {
                case .let(_, let nameSpan, _), .def(_, let nameSpan, _, _), .for(_, let nameSpan, _, _):
                    spans.append(nameSpan)
                case .if, .block, .try, .return, .break, .continue, .exit, .pipeline: break
                }
            case .pipeline(let p): spans += p.stages.map(\.span)
            case .call(let c):
                spans.append(c.nameSpan)
                for argument in c.arguments {
                    spans.append(argument.span)
                    switch argument {
                    case .named(_, let nameSpan, _): spans.append(nameSpan)
                    case .flag(_, let span, _): spans.append(span)
                    case .positional, .stage: break
                    }
                }
            case .expr(let e): if case .record(let fields) = e.kind { spans += fields.map(\.keySpan) }
            case .program, .block, .param: break
            }
        }
        return spans
    }

    func check(_ text: String) {
        let result = Parser.parse(text)
        let size = text.utf8.count
        for diagnostic in result.diagnostics {
            if let span = diagnostic.span {
                #expect(
                    span.start >= 0 && span.end <= size && span.start <= span.end,
                    "span \(span) outside \(size) in «\(text)»")
            }
            _ = DiagnosticRenderer().render(diagnostic)
        }
        for span in Self.spans(of: result.program) {
            #expect(
                span.start >= 0 && span.end <= size && span.start <= span.end,
                "node span \(span) outside \(size) in «\(text)»")
        }
    }

    @Test func randomInputs() {
        var random = Random(state: 42)
        for _ in 0..<600 {
            let length = random.below(60)
            let text = String((0..<length).map { _ in Self.alphabet[random.below(Self.alphabet.count)] })
            check(text)
        }
    }

    @Test func mutatedInputs() {
        var random = Random(state: 7)
        for _ in 0..<600 {
            var chars = Array(Self.corpus[random.below(Self.corpus.count)])
            for _ in 0..<(1 + random.below(4)) {
                guard !chars.isEmpty else { break }
                let at = random.below(chars.count)
                switch random.below(3) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(Self.alphabet[random.below(Self.alphabet.count)], at: at)
                default: chars[at] = Self.alphabet[random.below(Self.alphabet.count)]
                }
            }
            check(String(chars))
        }
    }

    @Test func validCorpusHasNodes() {
        for text in Self.corpus {
            let result = Parser.parse(text)
            #expect(result.succeeded, "\(result.diagnostics)")
            #expect(Self.spans(of: result.program).count > 5)
            check(text)
        }
    }

    @Test func everyPrefixOfTheCorpus() {
        for text in Self.corpus {
            var prefix = ""
            for char in text {
                prefix.append(char)
                check(prefix)
            }
        }
    }
}
