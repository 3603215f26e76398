import AstSyntax

/// Collects the span of every node of a program (tests check they all lie inside the input): each
/// node's own span and the spans it carries for its parts (names, keys, arguments).
struct SpanWalker: SyntaxVisitor {
    var spans: [Span] = []

    mutating func program(_ p: Program) { walk(.program(p)) }

    mutating func enter(_ node: SyntaxNode) -> Bool {
        spans.append(node.span)
        switch node {
        case .statement(let s):
            switch s.kind {
            case .let(_, let nameSpan, _), .def(_, let nameSpan, _, _), .for(_, let nameSpan, _, _): spans.append(nameSpan)
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
        return true
    }
}
