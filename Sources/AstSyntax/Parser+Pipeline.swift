extension ParserState {
    // pipeline = stage { "|" stage }
    func parsePipeline() throws -> Pipeline {
        var stages = [try parseStage()]
        while isOp("|") || (current.kind == .newline && skipNewlinesBeforeOp("|")) {
            advance()
            skipNewlines()
            stages.append(try parseStage())
        }
        let span = stages[0].span.merged(stages[stages.count - 1].span)
        return Pipeline(stages: stages, span: span)
    }

    /// A pipeline may continue on the next line with a leading `|`: skips the newlines if one follows.
    func skipNewlinesBeforeOp(_ op: String) -> Bool {
        var index = position
        while index < tokens.count - 1, tokens[index].kind == .newline { index += 1 }
        guard tokens[index].kind == .op(op) else { return false }
        position = index
        return true
    }

    /// Whether the current token starts a command call.
    var atCommandName: Bool {
        if case .ident(let name) = current.kind { return !Keywords.all.contains(name) }
        return false
    }

    // stage = COMMAND { argument } | expr
    func parseStage() throws -> Stage {
        if atCommandName { return .command(try parseCommandCall()) }
        let token = current
        if token.kind.isStatementEnd || isOp("|") || isOp(")") || isOp("}") {
            throw fail(expected: "a command or an expression")
        }
        return .expr(try parseExpr())
    }

    /// Tokens that end a command's argument list.
    var atStageEnd: Bool {
        let kind = current.kind
        if kind.isStatementEnd { return true }
        switch kind {
        case .op("|"), .op(")"), .op("}"), .op("]"), .op(","): return true
        case .op("{"): return braceEndsStage
        default: return false
        }
    }

    // command = NAME { argument }
    func parseCommandCall() throws -> CommandCall {
        let nameToken = advance()
        guard case .ident(let name) = nameToken.kind else { throw fail(expected: "a command name") }
        var arguments: [Argument] = []
        var span = nameToken.span
        if options.expressionCommands.contains(name) {
            if !atStageEnd {
                let expr = try parseExpr()
                arguments.append(.positional(expr))
                span = span.merged(expr.span)
            }
            return CommandCall(name: name, nameSpan: nameToken.span, arguments: arguments, span: span)
        }
        while !atStageEnd {
            if options.stageCommands.contains(name), atCommandName, !isNamedArgument {
                try enter(current.span)
                defer { leave() }
                let inner = try parseCommandCall()
                arguments.append(.stage(inner))
                span = span.merged(inner.span)
                break
            }
            let argument = try parseArgument()
            arguments.append(argument)
            span = span.merged(argument.span)
        }
        return CommandCall(name: name, nameSpan: nameToken.span, arguments: arguments, span: span)
    }

    /// `NAME=` or `NAME.KEY=` with no spaces.
    var isNamedArgument: Bool { namedArgumentLength != nil }

    /// How many tokens form `NAME[.KEY…]` directly followed by `=`.
    var namedArgumentLength: Int? {
        guard case .ident = current.kind else { return nil }
        var offset = 1
        while true {
            let token = peek(offset)
            guard !token.spaceBefore else { return nil }
            switch token.kind {
            case .op("="): return offset
            case .op("."), .ident, .word, .int:
                offset += 1
            default: return nil
            }
        }
    }

    // argument = NAME "=" primary | "--" NAME ["=" primary] | "-" LETTER | primary
    func parseArgument() throws -> Argument {
        let token = current
        if let length = namedArgumentLength {
            var end = token.span
            for _ in 0..<length { end = advance().span }
            let nameSpan = token.span.merged(end)
            let name = source.text(of: nameSpan)
            advance()  // "="
            skipNewlines()
            let value = try parseArgumentValue()
            return .named(name: name, nameSpan: nameSpan, value: value)
        }
        switch token.kind {
        case .longFlag(let name):
            advance()
            if isOp("="), !current.spaceBefore {
                advance()
                let value = try parseArgumentValue()
                return .flag(name: name, span: token.span, value: value)
            }
            return .flag(name: name, span: token.span, value: nil)
        case .shortFlag(let name):
            advance()
            return .flag(name: name, span: token.span, value: nil)
        default:
            return .positional(try parseArgumentValue())
        }
    }

    /// A primary in argument position, where unquoted words are strings.
    func parseArgumentValue() throws -> Expr {
        let token = current
        switch token.kind {
        case .ident(let word) where !["true", "false", "null", "not"].contains(word):
            return bareWord()
        case .word, .op("/"), .op("~"), .op("@"), .op("*"), .op(".."):
            return bareWord()
        case .op("."):
            let next = peek(1)
            if !next.spaceBefore, case .ident = next.kind { return try parsePostfix() }
            if !next.spaceBefore, case .string = next.kind { return try parsePostfix() }
            return bareWord()
        case .int, .float, .duration, .time:
            if gluesToNext { return bareWord() }
            return try parsePostfix()
        case .op("-") where !peek(1).spaceBefore:
            return try parseUnary()
        case .op(let op) where ["==", "!=", "<", "<=", ">", ">=", "=~", "!~", "??"].contains(op):
            // `list | count > 0`: the operator ends the arguments, it does not apply to the result.
            throw fail(
                expected: "an expression",
                help: "to use a command's result in an expression, wrap the pipeline in parentheses: (… | count) > 0")
        default:
            return try parsePostfix()
        }
    }

    /// Whether the token after the current one is glued to it (a longer bare word).
    var gluesToNext: Bool {
        let next = peek(1)
        return !next.spaceBefore && isGlueable(next.kind)
    }

    func isGlueable(_ kind: TokenKind) -> Bool {
        switch kind {
        case .ident, .word, .int, .float, .duration, .time: return true
        case .op(","): return !inList
        case .op(let op):
            return [".", "..", ":", "/", "-", "+", "@", "=", "~", "%", "*", "?", "!", "&", "^"].contains(op)
        case .shortFlag, .longFlag: return true
        default: return false
        }
    }

    /// Joins adjacent tokens into one unquoted word, taken verbatim from the source.
    func bareWord() -> Expr {
        let first = advance()
        var span = first.span
        while !current.spaceBefore, isGlueable(current.kind) {
            span = span.merged(advance().span)
        }
        return Expr(.bareWord(source.text(of: span)), span)
    }
}
