// How deep a syntax tree is, so the parser can refuse one that would overflow the stack of whatever walks it
// recursively (the checker, the evaluator, the formatter, even its deallocation). Every `Expr`, `Statement`,
// `Block` and `Pipeline` stores its height when it is made, so computing one looks only at its children.

extension Expr {
    static func childDepth(_ kind: Kind) -> Int {
        switch kind {
        case .literal, .bareWord, .variable: 0
        case .interpolation(let parts):
            parts.reduce(0) { deepest, part in
                if case .pipeline(let pipeline) = part { Swift.max(deepest, pipeline.depth) } else { deepest }
            }
        case .field(let base, _, _): base?.depth ?? 0
        case .index(let base, let index, _): Swift.max(base.depth, index.depth)
        case .list(let items): items.reduce(0) { Swift.max($0, $1.depth) }
        case .record(let fields): fields.reduce(0) { Swift.max($0, $1.value.depth) }
        case .block(let block): block.depth
        case .binary(_, let left, let right): Swift.max(left.depth, right.depth)
        case .unary(_, let operand): operand.depth
        case .subpipeline(let pipeline): pipeline.depth
        case .statement(let statement): statement.depth
        }
    }
}

extension Stage {
    var depth: Int {
        switch self {
        case .expr(let expr): expr.depth
        case .command(let call): call.depth
        }
    }
}

extension CommandCall {
    /// Computed: arguments are expressions (which store theirs) and `each` nests at most `maxDepth` calls.
    package var depth: Int {
        1
            + arguments.reduce(0) { deepest, argument in
                switch argument {
                case .positional(let value), .named(_, _, let value), .flag(_, _, let value?):
                    Swift.max(deepest, value.depth)
                case .flag(_, _, nil): deepest
                case .stage(let call): Swift.max(deepest, call.depth)
                }
            }
    }
}

extension Statement {
    static func childDepth(_ kind: Kind) -> Int {
        switch kind {
        case .let(_, _, let value): value.depth
        case .def(_, _, let params, let body): params.reduce(body.depth) { Swift.max($0, $1.defaultValue?.depth ?? 0) }
        case .if(let condition, let then, let otherwise): Swift.max(condition.depth, then.depth, otherwise?.depth ?? 0)
        case .block(let block): block.depth
        case .for(_, _, let sequence, let body): Swift.max(sequence.depth, body.depth)
        case .try(let body, _, let handler): Swift.max(body.depth, handler?.depth ?? 0)
        case .return(let value): value?.depth ?? 0
        case .break, .continue: 0
        case .exit(let code): code?.depth ?? 0
        case .pipeline(let pipeline): pipeline.depth
        }
    }
}
