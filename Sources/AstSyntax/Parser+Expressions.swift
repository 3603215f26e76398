/// The one precedence table, low to high. `not` sits between `and` and the comparisons; unary minus and
/// postfix steps bind tighter than every binary operator.
enum Precedence {
    static let levels: [[BinaryOp]] = [
        [.or],
        [.and],
        [],  // `not` (prefix)
        [.eq, .ne, .lt, .le, .gt, .ge, .match, .notMatch, .in],
        [.range],
        [.coalesce],
        [.add, .sub],
        [.mul, .div, .mod],
    ]
    static let notLevel = 2

    static func op(for kind: TokenKind) -> BinaryOp? {
        switch kind {
        case .ident("and"): .and
        case .ident("or"): .or
        case .ident("in"): .in
        case .op(let symbol): BinaryOp(rawValue: symbol).flatMap { $0 == .and || $0 == .or || $0 == .in ? nil : $0 }
        default: nil
        }
    }

    static func level(of op: BinaryOp) -> Int {
        levels.firstIndex { $0.contains(op) } ?? 0
    }
}

extension ParserState {
    // expr = or-level
    func parseExpr() throws -> Expr {
        try parseLevel(0)
    }

    // level(n) = level(n+1) { OP(n) level(n+1) }     (left-associative)
    // not-level = "not" not-level | level(n+1)
    func parseLevel(_ level: Int) throws -> Expr {
        if level >= Precedence.levels.count { return try parseUnary() }
        if level == Precedence.notLevel {
            if isKeyword("not") {
                let token = advance()
                try enter(token.span)
                defer { leave() }
                let operand = try parseLevel(level)
                return Expr(.unary(.not, operand), token.span.merged(operand.span))
            }
            return try parseLevel(level + 1)
        }
        var left = try parseLevel(level + 1)
        while let op = Precedence.op(for: current.kind), Precedence.level(of: op) == level {
            let opSpan = advance().span
            skipNewlines()
            let right = try parseLevel(level + 1)
            left = Expr(.binary(op, left, right), left.span.merged(right.span))
            try checkHeight(left.depth, at: opSpan)
        }
        return left
    }

    // unary = "-" unary | postfix
    func parseUnary() throws -> Expr {
        if isOp("-") {
            let token = advance()
            try enter(token.span)
            defer { leave() }
            let operand = try parseUnary()
            if case .literal(.int(let value)) = operand.kind {
                return Expr(.literal(.int(-value)), token.span.merged(operand.span))
            }
            if case .literal(.float(let value)) = operand.kind {
                return Expr(.literal(.float(-value)), token.span.merged(operand.span))
            }
            return Expr(.unary(.negate, operand), token.span.merged(operand.span))
        }
        return try parsePostfix()
    }

    // postfix = primary { "." NAME ["?"] | "[" expr "]" ["?"] }     (steps written without spaces)
    func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        while !current.spaceBefore {
            if isOp("."), !peek(1).spaceBefore, let (name, span) = fieldName(peek(1)) {
                advance()
                advance()
                expr = Expr(.field(base: expr, name: name, optional: false), expr.span.merged(span))
            } else if isOp("[") {
                let open = advance()
                newlinesAreSpace += 1
                defer { newlinesAreSpace -= 1 }
                let index = try parseExpr()
                let close = try expect("]", "']' to close the index")
                _ = open
                expr = Expr(.index(base: expr, index: index, optional: false), expr.span.merged(close.span))
            } else if isOp("?") {
                let mark = advance()
                expr = Self.markOptional(expr, mark.span)
            } else {
                break
            }
            try checkHeight(expr.depth, at: Span(expr.span.end, expr.span.end))
        }
        return expr
    }

    static func markOptional(_ expr: Expr, _ mark: Span) -> Expr {
        switch expr.kind {
        case .field(let base, let name, _):
            return Expr(.field(base: base, name: name, optional: true), expr.span.merged(mark))
        case .index(let base, let index, _):
            return Expr(.index(base: base, index: index, optional: true), expr.span.merged(mark))
        default:
            return expr
        }
    }

    /// A field name after `.`: an identifier (keywords included) or a quoted string.
    func fieldName(_ token: Token) -> (String, Span)? {
        switch token.kind {
        case .ident(let name): (name, token.span)
        case .rawString(let name): (name, token.span)
        case .string(let pieces):
            pieces.allSatisfy({ if case .text = $0 { true } else { false } })
                ? (pieces.map { if case .text(let t) = $0 { t } else { "" } }.joined(), token.span) : nil
        default: nil
        }
    }
}
