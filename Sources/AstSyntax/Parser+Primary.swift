extension ParserState {
    // primary = literal | variable | path | "(" pipeline ")" | list | record | block
    func parsePrimary() throws -> Expr {
        let token = current
        if let value = Self.literal(token.kind) {
            advance()
            return Expr(.literal(value), token.span)
        }
        switch token.kind {
        case .string(let pieces):
            advance()
            return try parseInterpolation(pieces, span: token.span)
        case .variable(let name):
            advance()
            return Expr(.variable(name), token.span)
        case .op("."):
            advance()
            let next = current
            if !next.spaceBefore, let (name, span) = fieldName(next) {
                advance()
                return Expr(.field(base: nil, name: name, optional: false), token.span.merged(span))
            }
            return Expr(.variable("it"), token.span)
        case .ident("if"), .ident("try"):
            try enter(token.span)
            defer { leave() }
            let statement = token.kind == .ident("if") ? try parseIf() : try parseTry()
            return Expr(.statement(statement), statement.span)
        case .op("("):
            return try parseParenthesized()
        case .op("["):
            return try parseList()
        case .op("{"):
            return try parseBraces()
        case .ident(let name) where !Keywords.all.contains(name):
            throw fail(
                expected: "an expression",
                help:
                    "a command can only start a pipeline stage; wrap it in parentheses: (\(name) …), or quote "
                        + "it: \"\(name)\""
            )
        case .word(let text) where text.utf8.allSatisfy(Lexer.isDigit):
            // All digits but not an Int: only a bare word (command argument) may be that long.
            report(
                Diagnostic(
                    DiagnosticCode.invalidNumber, "integer literal \(text) is too large",
                    span: token.span,
                    help: "integers range from -9223372036854775808 to 9223372036854775807; quote it for text"))
            throw ParseAbort()
        default:
            throw fail(expected: "an expression")
        }
    }

    // "(" pipeline ")"
    func parseParenthesized() throws -> Expr {
        try bracketed(inList: false) { open in
            let pipeline = try parsePipeline()
            let close = try expect(")", "')' to close the '(' opened here")
            return Expr(.subpipeline(pipeline), open.span.merged(close.span))
        }
    }

    // list = "[" [expr {"," expr} [","]] "]"      (elements may also be bare words)
    func parseList() throws -> Expr {
        try bracketed(inList: true) { open in
            var items: [Expr] = []
            while !isOp("]") {
                if case .ident(let word) = current.kind, !Keywords.all.contains(word) {
                    items.append(bareWord())
                } else if case .word = current.kind {
                    items.append(bareWord())
                } else if isOp("/") || isOp("~") || ((isOp(".") || isOp("..")) && peek(1).kind == .op("/")) {
                    items.append(bareWord())  // a path: [/tmp/a.txt, ./b.csv, ../c.json]
                } else {
                    items.append(try parseExpr())
                }
                if !match(",") { break }
            }
            let close = try expect("]", "',' or ']' in the list")
            return Expr(.list(items), open.span.merged(close.span))
        }
    }

    /// `{` starts a record when a key and `:` follow (or it is empty), otherwise a block.
    func parseBraces() throws -> Expr {
        var offset = 1
        while peek(offset).kind == .newline { offset += 1 }
        let first = peek(offset)
        let second = peek(offset + 1)
        var isRecord = first.kind == .op("}")
        if second.kind == .op(":") {
            switch first.kind {
            case .ident, .string, .rawString, .word, .int: isRecord = true
            default: break
            }
        }
        if !isRecord {
            let block = try parseBlock()
            return Expr(.block(block), block.span)
        }
        return try parseRecord()
    }

    // record = "{" [key ":" expr {"," key ":" expr} [","]] "}"
    func parseRecord() throws -> Expr {
        try bracketed(inList: false) { open in
            var fields: [(key: String, keySpan: Span, value: Expr)] = []
            while !isOp("}") {
                let keyToken = current
                let key: String
                switch keyToken.kind {
                case .ident(let name), .word(let name): key = name
                case .int(let number): key = String(number)
                case .rawString(let text): key = text
                case .string(let pieces):
                    guard let (text, _) = fieldName(keyToken) else {
                        throw fail(expected: "a record key", help: "keys cannot be interpolated")
                    }
                    _ = pieces
                    key = text
                default:
                    throw fail(expected: "a record key or '}'")
                }
                advance()
                _ = try expect(":", "':' after the record key")
                let value = try parseRecordValue()
                fields.append((key, keyToken.span, value))
                if !match(",") { break }
            }
            let close = try expect("}", "',' or '}' in the record")
            return Expr(.record(fields), open.span.merged(close.span))
        }
    }

    func parseRecordValue() throws -> Expr {
        if case .ident(let word) = current.kind, !Keywords.all.contains(word) {
            return bareWord()
        }
        return try parseExpr()
    }

    /// Parses each `\(…)` of a string as a pipeline of its own (spans stay in the file's coordinates).
    func parseInterpolation(_ pieces: [StringPiece], span: Span) throws -> Expr {
        var parts: [InterpolationPart] = []
        var plain = true
        for piece in pieces {
            switch piece {
            case .text(let text):
                parts.append(.text(text))
            case .interpolation(let inner):
                plain = false
                try enter(inner)
                defer { leave() }
                let lexed = Lexer.tokenize(source, range: inner.start..<inner.end)
                let sub = ParserState(tokens: lexed.tokens, source: source, options: options, nesting: nesting)
                sub.newlinesAreSpace = 1
                sub.diagnostics = lexed.diagnostics
                do {
                    let pipeline = try sub.parsePipeline()
                    if sub.current.kind != .eof { throw sub.fail(expected: "')' to end the interpolation") }
                    parts.append(.pipeline(pipeline))
                } catch {}
                diagnostics.append(contentsOf: sub.diagnostics)
                if !sub.diagnostics.isEmpty { throw ParseAbort() }
            }
        }
        if plain {
            let text = parts.map { if case .text(let t) = $0 { t } else { "" } }.joined()
            return Expr(.literal(.string(text)), span)
        }
        return Expr(.interpolation(parts), span)
    }

    /// The literal a single token stands for: a number, duration, time, raw string, `true`, `false`, `null`.
    static func literal(_ kind: TokenKind) -> Literal? {
        switch kind {
        case .int(let value): .int(value)
        case .float(let value): .float(value)
        case .duration(let seconds): .duration(seconds)
        case .time(let date): .time(date)
        case .rawString(let text): .string(text)
        case .ident("true"): .bool(true)
        case .ident("false"): .bool(false)
        case .ident("null"): .null
        default: nil
        }
    }

    /// Opens a bracket (`(`, `[`, `{`): consumes the opening token and hands it to `body`, counts the nesting
    /// depth, reads newlines inside as spaces, and restores the stage and list context after.
    func bracketed<T>(inList list: Bool, _ body: (Token) throws -> T) throws -> T {
        let open = advance()
        try enter(open.span)
        defer { leave() }
        let saved = (braceEndsStage, inList)
        braceEndsStage = false
        inList = list
        newlinesAreSpace += 1
        defer {
            newlinesAreSpace -= 1
            (braceEndsStage, inList) = saved
        }
        return try body(open)
    }
}
