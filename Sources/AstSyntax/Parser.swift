/// The result of parsing: a program (possibly partial), every diagnostic found, and whether the input
/// merely ended too early (the prompt then asks for a continuation line instead of reporting).
package struct ParseResult: Sendable {
    package var program: Program
    package var diagnostics: [Diagnostic]
    /// The input ended inside an open construct: `(`, `[`, `{`, a string, or after `|`, `=`, an operator.
    package var isIncomplete: Bool

    package var succeeded: Bool { diagnostics.isEmpty }
}

/// Which commands parse their arguments specially; decided by command signatures in the runtime.
package struct ParserOptions: Sendable {
    /// Commands that read the rest of their stage as one expression (`where`, `assert`).
    package var expressionCommands: Set<String>
    /// Commands whose argument may be a command stage (`each -p 8 rerun`).
    package var stageCommands: Set<String>
    /// Deepest bracket/block nesting accepted before a diagnostic.
    package var maxDepth: Int
    /// Tallest syntax tree accepted (`Expr.depth`): chains the parser builds in a loop (`1 + 1 + …`,
    /// `$x.a.a…`, `else if …`) would otherwise overflow the stack of every recursive walk over them.
    package var maxTreeDepth: Int

    package init(
        expressionCommands: Set<String> = ["where", "assert"], stageCommands: Set<String> = ["each"],
        maxDepth: Int = 64,
        maxTreeDepth: Int = 1000
    ) {
        self.expressionCommands = expressionCommands
        self.stageCommands = stageCommands
        self.maxDepth = maxDepth
        self.maxTreeDepth = maxTreeDepth
    }
}

package enum Parser {
    /// Parses a whole source text. Errors are collected; parsing resumes at the next statement.
    package static func parse(_ source: SourceFile, options: ParserOptions = ParserOptions()) -> ParseResult {
        let lexed = Lexer.tokenize(source)
        let state = ParserState(tokens: lexed.tokens, source: source, options: options)
        state.diagnostics = lexed.diagnostics
        state.incomplete = lexed.incomplete
        let program = state.parseProgram()
        let diagnostics = state.diagnostics.map { $0.located(in: source) }
        return ParseResult(program: program, diagnostics: diagnostics, isIncomplete: state.incomplete)
    }

    /// Convenience for text.
    package static func parse(_ text: String, file: String = "<input>", options: ParserOptions = ParserOptions())
        -> ParseResult
    {
        parse(SourceFile(name: file, text: text), options: options)
    }
}

/// Thrown to unwind to the nearest statement boundary; the diagnostic is already recorded.
struct ParseAbort: Error {}

/// Mutable parser state: the tokens, a cursor, and the diagnostics found so far.
final class ParserState {
    let tokens: [Token]
    let source: SourceFile
    let options: ParserOptions
    var position = 0
    var diagnostics: [Diagnostic] = []
    var incomplete = false
    /// While positive, newlines are whitespace (inside `(`, `[` and record braces).
    var newlinesAreSpace = 0
    /// Open brackets, for resynchronisation.
    var depth = 0
    /// Nesting of recursive constructs, bounded by `options.maxDepth`.
    var nesting = 0
    /// Inside a `for … in PIPELINE {` header: a `{` ends the pipeline.
    var braceEndsStage = false
    /// Inside a list literal: `,` separates elements instead of joining a bare word.
    var inList = false

    init(tokens: [Token], source: SourceFile, options: ParserOptions, nesting: Int = 0) {
        self.tokens = tokens
        self.source = source
        self.options = options
        self.nesting = nesting
    }

    // MARK: cursor

    var current: Token {
        if newlinesAreSpace > 0 {
            while position < tokens.count - 1, tokens[position].kind == .newline { position += 1 }
        }
        return tokens[min(position, tokens.count - 1)]
    }

    func peek(_ offset: Int) -> Token {
        _ = current
        var index = position
        var remaining = offset
        while remaining > 0, index < tokens.count - 1 {
            index += 1
            if newlinesAreSpace > 0, tokens[index].kind == .newline { continue }
            remaining -= 1
        }
        return tokens[min(index, tokens.count - 1)]
    }

    @discardableResult
    func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        switch token.kind {
        case .op("("), .op("["), .op("{"): depth += 1
        case .op(")"), .op("]"), .op("}"): depth -= 1
        default: break
        }
        return token
    }

    func isOp(_ op: String) -> Bool { current.kind == .op(op) }
    func isKeyword(_ word: String) -> Bool { current.kind == .ident(word) }

    func match(_ op: String) -> Bool {
        guard isOp(op) else { return false }
        advance()
        return true
    }

    func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    func expect(_ op: String, _ what: String) throws -> Token {
        guard isOp(op) else { throw fail(expected: what) }
        return advance()
    }

    /// Records "expected …, found …" at the current token and returns the error to throw.
    func fail(expected: String, help: String? = nil) -> ParseAbort {
        let token = current
        if token.kind == .eof {
            incomplete = true
            // Point just after the last real token, not at an empty last line.
            let last = tokens[..<min(position, tokens.count)].last { $0.kind != .newline && $0.kind != .eof }
            let at = last.map { Span($0.span.end, $0.span.end) } ?? token.span
            report(
                Diagnostic(
                    DiagnosticCode.unexpectedEnd, "unexpected end of input; expected \(expected)",
                    span: at, help: help))
        } else if token.kind != .invalid {
            report(
                Diagnostic(
                    DiagnosticCode.unexpectedToken, "expected \(expected), found \(token.kind.display)",
                    span: token.span, help: help))
        }
        return ParseAbort()
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Guards recursion; past the limit, reports once and aborts the statement.
    func enter(_ span: Span) throws {
        nesting += 1
        if nesting > options.maxDepth {
            nesting -= 1
            report(
                Diagnostic(
                    DiagnosticCode.tooDeep, "nesting is too deep (more than \(options.maxDepth) levels)",
                    span: span, help: "split the expression with let"))
            throw ParseAbort()
        }
    }

    func leave() { nesting -= 1 }

    /// Guards the height of a tree built in a loop; past the limit, reports once and aborts the statement.
    func checkHeight(_ height: Int, at span: Span) throws {
        guard height > options.maxTreeDepth else { return }
        report(
            Diagnostic(
                DiagnosticCode.tooDeep, "expression is too deep (more than \(options.maxTreeDepth) levels)",
                span: span, help: "split it into steps with let, or use a list and sum/each"))
        throw ParseAbort()
    }
}
