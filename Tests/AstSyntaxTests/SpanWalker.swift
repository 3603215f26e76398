import AstSyntax

/// Collects the span of every node of a program (tests check they all lie inside the input).
struct SpanWalker {
    var spans: [Span] = []

    mutating func program(_ p: Program) {
        spans.append(p.span)
        statements(p.statements)
    }

    mutating func statements(_ list: [Statement]) { list.forEach { statement($0) } }

    mutating func block(_ b: Block) {
        spans.append(b.span)
        statements(b.statements)
    }

    mutating func statement(_ s: Statement) {
        spans.append(s.span)
        switch s.kind {
        case .let(_, let nameSpan, let value):
            spans.append(nameSpan)
            pipeline(value)
        case .def(_, let nameSpan, let params, let body):
            spans.append(nameSpan)
            for param in params {
                spans.append(param.span)
                if let d = param.defaultValue { expr(d) }
            }
            block(body)
        case .if(let condition, let then, let otherwise):
            expr(condition)
            block(then)
            if let otherwise { statement(otherwise) }
        case .block(let b): block(b)
        case .for(_, let nameSpan, let sequence, let body):
            spans.append(nameSpan)
            pipeline(sequence)
            block(body)
        case .try(let body, _, let handler):
            block(body)
            if let handler { block(handler) }
        case .return(let p): if let p { pipeline(p) }
        case .exit(let e): if let e { expr(e) }
        case .pipeline(let p): pipeline(p)
        case .break, .continue: break
        }
    }

    mutating func pipeline(_ p: Pipeline) {
        spans.append(p.span)
        for stage in p.stages {
            spans.append(stage.span)
            switch stage {
            case .command(let c): call(c)
            case .expr(let e): expr(e)
            }
        }
    }

    mutating func call(_ c: CommandCall) {
        spans.append(c.span)
        spans.append(c.nameSpan)
        for argument in c.arguments {
            spans.append(argument.span)
            switch argument {
            case .positional(let e): expr(e)
            case .named(_, let nameSpan, let e):
                spans.append(nameSpan)
                expr(e)
            case .flag(_, let span, let e):
                spans.append(span)
                if let e { expr(e) }
            case .stage(let inner): call(inner)
            }
        }
    }

    mutating func expr(_ e: Expr) {
        spans.append(e.span)
        switch e.kind {
        case .interpolation(let parts):
            for part in parts { if case .pipeline(let p) = part { pipeline(p) } }
        case .field(let base, _, _): if let base { expr(base) }
        case .index(let base, let index, _):
            expr(base)
            expr(index)
        case .list(let items): items.forEach { expr($0) }
        case .record(let fields):
            for field in fields {
                spans.append(field.keySpan)
                expr(field.value)
            }
        case .block(let b): block(b)
        case .binary(_, let l, let r):
            expr(l)
            expr(r)
        case .unary(_, let x): expr(x)
        case .subpipeline(let p): pipeline(p)
        case .statement(let s): statement(s)
        case .literal, .bareWord, .variable: break
        }
    }
}
