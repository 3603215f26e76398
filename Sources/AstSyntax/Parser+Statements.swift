extension ParserState {
    // program = { statement }
    func parseProgram() -> Program {
        let statements = parseStatements(closer: nil)
        return Program(statements: statements, span: Span(0, source.bytes.count))
    }

    /// Statements separated by newlines or `;`, up to `closer` (`}`) or the end. A statement with an error
    /// is skipped up to the next boundary at its own depth, so every mistake gets reported.
    func parseStatements(closer: String?) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || isOp(";") { advance() }
            if current.kind == .eof { return statements }
            if let closer, isOp(closer) { return statements }
            let startDepth = depth
            let startNesting = nesting
            do {
                let statement = try parseStatement()
                statements.append(statement)
                if !(current.kind.isStatementEnd || (closer != nil && isOp(closer ?? ""))) {
                    throw fail(expected: "end of statement (newline or ';')")
                }
            } catch {
                nesting = startNesting
                let before = position
                synchronize(depth: startDepth)
                // A stray closer (`)` at top level) would stop resynchronisation forever: step over it.
                if position == before, current.kind != .eof, !(closer.map(isOp) ?? false) { advance() }
            }
        }
    }

    /// Skips to the next statement boundary at `depth`, never past a closer of an enclosing block.
    func synchronize(depth target: Int) {
        let saved = newlinesAreSpace
        newlinesAreSpace = 0
        defer { newlinesAreSpace = saved }
        while true {
            let token = current
            if token.kind == .eof { return }
            if depth <= target, token.kind.isStatementEnd { return }
            if depth <= target, token.kind == .op("}") || token.kind == .op(")") || token.kind == .op("]") { return }
            advance()
        }
    }

    // statement = let | def | if | for | try | return | break | continue | exit | pipeline
    func parseStatement() throws -> Statement {
        let token = current
        if case .ident(let word) = token.kind {
            switch word {
            case "let": return try parseLet()
            case "def": return try parseDef()
            case "if": return try parseIf()
            case "for": return try parseFor()
            case "try": return try parseTry()
            case "return":
                advance()
                if atStatementEnd { return Statement(kind: .return(nil), span: token.span) }
                let pipeline = try parsePipeline()
                return Statement(kind: .return(pipeline), span: token.span.merged(pipeline.span))
            case "break":
                advance()
                return Statement(kind: .break, span: token.span)
            case "continue":
                advance()
                return Statement(kind: .continue, span: token.span)
            case "exit":
                advance()
                if atStatementEnd { return Statement(kind: .exit(nil), span: token.span) }
                let code = try parseExpr()
                return Statement(kind: .exit(code), span: token.span.merged(code.span))
            case "else", "catch":
                throw fail(
                    expected: "a statement",
                    help: "'\(word)' must follow the closing '}' of an \(word == "else" ? "if" : "try")")
            default: break
            }
        }
        let pipeline = try parsePipeline()
        return Statement(kind: .pipeline(pipeline), span: pipeline.span)
    }

    var atStatementEnd: Bool { current.kind.isStatementEnd || isOp("}") || isOp(")") }

    func parseName(_ what: String) throws -> (String, Span) {
        guard case .ident(let name) = current.kind, !Keywords.all.contains(name) else {
            throw fail(expected: what)
        }
        return (name, advance().span)
    }

    // let = "let" NAME "=" pipeline
    func parseLet() throws -> Statement {
        let start = advance().span
        let (name, nameSpan) = try parseName("a variable name after 'let'")
        _ = try expect("=", "'=' after the variable name")
        skipNewlines()
        let value = try parsePipeline()
        return Statement(kind: .let(name: name, nameSpan: nameSpan, value: value), span: start.merged(value.span))
    }

    // def = "def" NAME "(" [param {"," param}] ")" block ;  param = ["--"] NAME [":" TYPE] ["=" expr]
    func parseDef() throws -> Statement {
        let start = advance().span
        let (name, nameSpan) = try parseName("a function name after 'def'")
        _ = try expect("(", "'(' to open the parameter list")
        newlinesAreSpace += 1
        var params: [Param] = []
        do {
            defer { newlinesAreSpace -= 1 }
            while !isOp(")") {
                let flag = parseParamFlag()
                let (param, span) = try flag ?? parseName("a parameter name")
                var type: String?
                if match(":") { type = try parseParamType() }
                var defaultValue: Expr?
                if match("=") { defaultValue = try parseExpr() }
                params.append(
                    Param(name: param, span: span, defaultValue: defaultValue, isFlag: flag != nil, type: type))
                if !match(",") { break }
            }
            _ = try expect(")", "',' or ')' in the parameter list")
        }
        let body = try parseBlock()
        return Statement(
            kind: .def(name: name, nameSpan: nameSpan, params: params, body: body), span: start.merged(body.span))
    }

    /// `--name` in a parameter list (lexed as a flag after a space, as `-` `-` NAME right after `(`).
    func parseParamFlag() -> (String, Span)? {
        if case .longFlag(let name) = current.kind { return (name, advance().span) }
        guard isOp("-"), peek(1).kind == .op("-"), case .ident(let name) = peek(2).kind,
            peek(1).span.start == current.span.end, peek(2).span.start == peek(1).span.end
        else { return nil }
        let start = advance().span
        advance()
        return (name, start.merged(advance().span))
    }

    /// The TYPE of `name: TYPE`, one of `ParamTypes.all`.
    func parseParamType() throws -> String {
        guard case .ident(let type) = current.kind, ParamTypes.all.contains(type) else {
            throw fail(expected: "a parameter type (\(ParamTypes.all.joined(separator: ", ")))")
        }
        advance()
        return type
    }

    // if = "if" expr block ["else" (block | if)]
    // An `else if` chain is read in a loop and nested from its end, so a long one cannot overflow the stack.
    func parseIf() throws -> Statement {
        var branches: [(start: Span, condition: Expr, then: Block)] = []
        var otherwise: Statement?
        while true {
            let start = advance().span
            let condition = try parseExpr()
            let then = try parseBlock()
            branches.append((start, condition, then))
            try checkHeight(branches.count, at: start)
            guard skipNewlinesBefore("else") else { break }
            advance()
            if isKeyword("if") { continue }
            let block = try parseBlock()
            otherwise = Statement(kind: .block(block), span: block.span)
            break
        }
        var statement: Statement?
        for branch in branches.reversed() {
            let rest = statement ?? otherwise
            statement = Statement(
                kind: .if(condition: branch.condition, then: branch.then, otherwise: rest),
                span: branch.start.merged(rest?.span ?? branch.then.span))
        }
        guard let statement else { throw fail(expected: "'if'") }
        try checkHeight(statement.depth, at: branches[0].start)
        return statement
    }

    /// If the next non-newline token is the keyword, skips the newlines and returns true.
    func skipNewlinesBefore(_ keyword: String) -> Bool {
        var index = position
        while index < tokens.count - 1, tokens[index].kind == .newline { index += 1 }
        guard tokens[index].kind == .ident(keyword) else { return false }
        position = index
        return true
    }

    // for = "for" NAME "in" pipeline block
    func parseFor() throws -> Statement {
        let start = advance().span
        let (name, nameSpan) = try parseName("a loop variable name after 'for'")
        guard isKeyword("in") else { throw fail(expected: "'in' after the loop variable") }
        advance()
        let saved = braceEndsStage
        braceEndsStage = true
        let sequence: Pipeline
        do {
            defer { braceEndsStage = saved }
            sequence = try parsePipeline()
        }
        let body = try parseBlock()
        return Statement(
            kind: .for(name: name, nameSpan: nameSpan, sequence: sequence, body: body), span: start.merged(body.span))
    }

    // try = "try" block ["catch" [NAME] block]
    func parseTry() throws -> Statement {
        let start = advance().span
        let body = try parseBlock()
        guard skipNewlinesBefore("catch") else {
            return Statement(kind: .try(body: body, errorName: nil, handler: nil), span: start.merged(body.span))
        }
        advance()
        var errorName: String?
        if case .ident(let name) = current.kind, !Keywords.all.contains(name) {
            errorName = name
            advance()
        }
        let handler = try parseBlock()
        return Statement(
            kind: .try(body: body, errorName: errorName, handler: handler), span: start.merged(handler.span))
    }

    // block = "{" { statement } "}"
    func parseBlock() throws -> Block {
        let open = current
        guard isOp("{") else { throw fail(expected: "'{' to open a block") }
        try enter(open.span)
        defer { leave() }
        advance()
        let saved = (newlinesAreSpace, braceEndsStage)
        newlinesAreSpace = 0
        braceEndsStage = false
        defer { (newlinesAreSpace, braceEndsStage) = saved }
        let statements = parseStatements(closer: "}")
        guard isOp("}") else { throw fail(expected: "'}' to close the block opened here") }
        let close = advance()
        return Block(statements: statements, span: open.span.merged(close.span))
    }
}
