/// One node of the syntax tree, as the walker hands it out.
package enum SyntaxNode: Sendable {
    case program(Program)
    case statement(Statement)
    case block(Block)
    /// A `def` parameter (its default value is its child).
    case param(Param)
    case pipeline(Pipeline)
    case call(CommandCall)
    case expr(Expr)

    package var span: Span {
        switch self {
        case .program(let p): p.span
        case .statement(let s): s.span
        case .block(let b): b.span
        case .param(let p): p.span
        case .pipeline(let p): p.span
        case .call(let c): c.span
        case .expr(let e): e.span
        }
    }

    /// Calls `visit` with each direct child, in source order. The one place that knows the shape of
    /// the tree: every switch here is exhaustive, so a new syntax form does not build until it is walked.
    package func forEachChild(_ visit: (SyntaxNode) throws -> Void) rethrows {
        switch self {
        case .program(let p): for s in p.statements { try visit(.statement(s)) }
        case .block(let b): for s in b.statements { try visit(.statement(s)) }
        case .param(let p): if let d = p.defaultValue { try visit(.expr(d)) }
        case .statement(let s): try Self.children(of: s, visit)
        case .pipeline(let p):
            for stage in p.stages {
                switch stage {
                case .command(let c): try visit(.call(c))
                case .expr(let e): try visit(.expr(e))
                }
            }
        case .call(let c):
            for argument in c.arguments {
                switch argument {
                case .positional(let e), .named(_, _, let e): try visit(.expr(e))
                case .flag(_, _, let e): if let e { try visit(.expr(e)) }
                case .stage(let inner): try visit(.call(inner))
                }
            }
        case .expr(let e): try Self.children(of: e, visit)
        }
    }

    static func children(of s: Statement, _ visit: (SyntaxNode) throws -> Void) rethrows {
        switch s.kind {
        case .let(_, _, let value): try visit(.pipeline(value))
        case .def(_, _, let params, let body):
            for param in params { try visit(.param(param)) }
            try visit(.block(body))
        case .if(let condition, let then, let otherwise):
            try visit(.expr(condition))
            try visit(.block(then))
            if let otherwise { try visit(.statement(otherwise)) }
        case .block(let b): try visit(.block(b))
        case .for(_, _, let sequence, let body):
            try visit(.pipeline(sequence))
            try visit(.block(body))
        case .try(let body, _, let handler):
            try visit(.block(body))
            if let handler { try visit(.block(handler)) }
        case .return(let value): if let value { try visit(.pipeline(value)) }
        case .exit(let code): if let code { try visit(.expr(code)) }
        case .pipeline(let p): try visit(.pipeline(p))
        case .break, .continue: break
        }
    }

    static func children(of e: Expr, _ visit: (SyntaxNode) throws -> Void) rethrows {
        switch e.kind {
        case .interpolation(let parts):
            for part in parts {
                switch part {
                case .text: break
                case .pipeline(let p): try visit(.pipeline(p))
                }
            }
        case .field(let base, _, _): if let base { try visit(.expr(base)) }
        case .index(let base, let index, _):
            try visit(.expr(base))
            try visit(.expr(index))
        case .list(let items): for item in items { try visit(.expr(item)) }
        case .record(let fields): for field in fields { try visit(.expr(field.value)) }
        case .block(let b): try visit(.block(b))
        case .binary(_, let l, let r):
            try visit(.expr(l))
            try visit(.expr(r))
        case .unary(_, let operand): try visit(.expr(operand))
        case .subpipeline(let p): try visit(.pipeline(p))
        case .statement(let s): try visit(.statement(s))
        case .literal, .bareWord, .variable: break
        }
    }
}

/// A walk over the syntax tree: `enter` sees every node before its children, `leave` after them.
/// Visitors keep their state in `self`; the walk itself lives in `SyntaxNode.forEachChild`.
package protocol SyntaxVisitor {
    /// Called before a node's children; false skips them (the visitor may walk some itself).
    mutating func enter(_ node: SyntaxNode) -> Bool
    /// Called after a node's children (also when `enter` skipped them).
    mutating func leave(_ node: SyntaxNode)
}

extension SyntaxVisitor {
    package mutating func leave(_ node: SyntaxNode) {}

    /// Walks `node` and, unless `enter` declines, everything below it.
    ///
    /// The walk keeps its own stack on the heap instead of recursing: a recursive walk took about 9 KB of
    /// thread stack per level in a debug build, so a tree at the parser's depth limit (1,000) overflowed an
    /// 8 MB thread. Order is unchanged: a node, then each child's whole subtree in source order, then the
    /// node's `leave`.
    package mutating func walk(_ node: SyntaxNode) {
        var stack: [WalkStep] = [.enter(node)]
        while let step = stack.popLast() {
            switch step {
            case .enter(let current):
                stack.append(.leave(current))
                guard enter(current) else { continue }
                let mark = stack.count
                current.forEachChild { stack.append(.enter($0)) }
                stack[mark...].reverse()
            case .leave(let current):
                leave(current)
            }
        }
    }

    package mutating func walk(_ statements: [Statement]) {
        for statement in statements { walk(.statement(statement)) }
    }
}

extension SyntaxNode {
    /// Calls `body` with this node and every node below it, each before its children, in source order:
    /// the walk of `SyntaxVisitor` for a visitor that only looks.
    package func forEachNode(_ body: (SyntaxNode) -> Void) {
        withoutActuallyEscaping(body) { body in
            var visitor = EachNode(body: body)
            visitor.walk(self)
        }
    }
}

/// The visitor behind `SyntaxNode.forEachNode`.
private struct EachNode: SyntaxVisitor {
    let body: (SyntaxNode) -> Void

    mutating func enter(_ node: SyntaxNode) -> Bool {
        body(node)
        return true
    }
}

/// One step of `SyntaxVisitor.walk`'s explicit stack.
private enum WalkStep {
    case enter(SyntaxNode)
    case leave(SyntaxNode)
}
