/// Turns source bytes into tokens. Works on a sub-range too (string interpolation), keeping spans global.
package struct Lexer {
    package struct Output: Sendable {
        package var tokens: [Token]
        package var diagnostics: [Diagnostic]
        /// The input ended inside a string.
        package var incomplete: Bool
    }

    let b: [UInt8]
    var index: Int
    let end: Int
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var incomplete = false
    var sawSpace = true

    package init(bytes: [UInt8], range: Range<Int>? = nil) {
        self.b = bytes
        self.index = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    package static func tokenize(_ source: SourceFile, range: Range<Int>? = nil) -> Output {
        var lexer = Lexer(bytes: source.bytes, range: range)
        return lexer.run()
    }

    package mutating func run() -> Output {
        while index < end { step() }
        tokens.append(Token(.eof, Span(end, end), spaceBefore: true))
        return Output(tokens: tokens, diagnostics: diagnostics, incomplete: incomplete)
    }

    func peek(_ offset: Int = 0) -> UInt8 {
        let at = index + offset
        return at < end ? b[at] : 0
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80 }
    static func isIdent(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind, Span(start, index), spaceBefore: sawSpace))
        sawSpace = false
    }

    mutating func step() {
        let c = peek()
        let start = index
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            index += 1
            sawSpace = true
        case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n"):
            index += 2
            sawSpace = true
        case UInt8(ascii: "\n"):
            index += 1
            if case .newline? = tokens.last?.kind {} else { emit(.newline, from: start) }
            sawSpace = true
        case UInt8(ascii: "#"):
            while index < end, peek() != UInt8(ascii: "\n") { index += 1 }
            sawSpace = true
        case UInt8(ascii: "\""):
            lexString()
        case UInt8(ascii: "'"):
            lexRawString()
        case UInt8(ascii: "$"):
            index += 1
            while Lexer.isIdent(peek()) { index += 1 }
            let name = String(decoding: b[(start + 1)..<index], as: UTF8.self)
            if name.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        DiagnosticCode.invalidCharacter, "'$' must be followed by a variable name",
                        span: Span(start, index), help: "variables look like $name"))
                emit(.invalid, from: start)
            } else {
                emit(.variable(name), from: start)
            }
        case _ where Lexer.isDigit(c):
            lexNumberOrWord()
        case _ where Lexer.isLetter(c):
            lexIdentifier()
        case UInt8(ascii: "-") where sawSpace && peek(1) == UInt8(ascii: "-") && Lexer.isLetter(peek(2)):
            index += 2
            while Lexer.isIdent(peek()) || (peek() == UInt8(ascii: "-") && Lexer.isIdent(peek(1))) { index += 1 }
            emit(.longFlag(String(decoding: b[(start + 2)..<index], as: UTF8.self)), from: start)
        case UInt8(ascii: "-") where sawSpace && Lexer.isLetter(peek(1)) && peek(1) < 0x80:
            index += 1
            while Lexer.isIdent(peek()) { index += 1 }
            emit(.shortFlag(String(decoding: b[(start + 1)..<index], as: UTF8.self)), from: start)
        default:
            lexOperator()
        }
    }

    mutating func lexIdentifier() {
        let start = index
        while Lexer.isIdent(peek()) || (peek() == UInt8(ascii: "-") && Lexer.isIdent(peek(1))) { index += 1 }
        emit(.ident(String(decoding: b[start..<index], as: UTF8.self)), from: start)
    }

    static let twoCharOps: Set<String> = ["==", "!=", "<=", ">=", "=~", "!~", "??", ".."]
    static let oneCharOps: Set<UInt8> = Set("|;,=<>+-*/%()[]{}:.?!~@&^".utf8)

    mutating func lexOperator() {
        let start = index
        if index + 1 < end {
            let pair = String(decoding: b[index..<(index + 2)], as: UTF8.self)
            if Lexer.twoCharOps.contains(pair) {
                index += 2
                emit(.op(pair), from: start)
                return
            }
        }
        let c = peek()
        if Lexer.oneCharOps.contains(c) {
            index += 1
            emit(.op(String(decoding: [c], as: UTF8.self)), from: start)
            return
        }
        // Skip one whole UTF-8 scalar.
        index += 1
        while index < end, b[index] & 0xC0 == 0x80 { index += 1 }
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.invalidCharacter,
                "unexpected character '\(String(decoding: b[start..<index], as: UTF8.self))'", span: Span(start, index))
        )
        emit(.invalid, from: start)
    }
}
