extension Lexer {
    static func isChunk(_ c: UInt8) -> Bool {
        isIdent(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "-")
    }

    /// A run starting with a digit: time, duration, float, int — or a word such as a UUID.
    mutating func lexNumberOrWord() {
        let start = index
        var chunkEnd = index
        while chunkEnd < end, Lexer.isChunk(b[chunkEnd]) { chunkEnd += 1 }
        // A trailing '.' or ':' belongs to what follows (`$xs[0].a` never reaches here, but `5.` might).
        while chunkEnd > start + 1, b[chunkEnd - 1] == UInt8(ascii: ".") || b[chunkEnd - 1] == UInt8(ascii: ":") {
            chunkEnd -= 1
        }
        let chunk = String(decoding: b[start..<chunkEnd], as: UTF8.self)
        if let kind = Lexer.classify(chunk) {
            index = chunkEnd
            emitNumber(kind, from: start)
            return
        }
        if chunk.utf8.contains(where: { Lexer.isLetter($0) }) || chunk.contains(":") {
            index = chunkEnd
            emit(.word(chunk), from: start)
            return
        }
        // A date's shape with an impossible month or day is a mistake, not `2026 - 13 - 45`.
        if Lexer.looksLikeDate(chunk) {
            index = chunkEnd
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.invalidNumber, "invalid date '\(chunk)'", span: Span(start, chunkEnd),
                    help: "write YYYY-MM-DD (a day that exists in that month) or RFC 3339, e.g. 2026-11-01T10:00:00Z"))
            emit(.invalid, from: start)
            return
        }
        // Digits followed by operators (`5-3`, `1+2`): lex the number alone.
        while Lexer.isDigit(peek()) { index += 1 }
        if peek() == UInt8(ascii: "."), Lexer.isDigit(peek(1)) {
            index += 1
            while Lexer.isDigit(peek()) { index += 1 }
        }
        let text = String(decoding: b[start..<index], as: UTF8.self)
        emitNumber(Lexer.classify(text) ?? .word(text), from: start)
    }

    /// Emits a literal, or E006 when a float or duration is too large to be finite (`1e999` digits, `9…9w`).
    mutating func emitNumber(_ kind: TokenKind, from start: Int) {
        switch kind {
        case .float(let value) where !value.isFinite, .duration(let value) where !value.isFinite:
            let text = String(decoding: b[start..<index], as: UTF8.self)
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.invalidNumber, "number \(text) is too large", span: Span(start, index),
                    help: "floats and durations must be finite (at most about 1.8e308)"))
            emit(.invalid, from: start)
        default:
            emit(kind, from: start)
        }
    }

    /// `dddd-dd-dd`, alone or followed by more of a timestamp.
    static func looksLikeDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(b[$0]) } && (b.count == 10 || !isDigit(b[10]))
    }

    static func classify(_ text: String) -> TokenKind? {
        if text.utf8.allSatisfy(isDigit) {
            if let value = Int(text) { return .int(value) }
            return nil
        }
        if let value = Double(text), text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) {
            return .float(value)
        }
        if let seconds = Literals.duration(text) { return .duration(seconds) }
        if let date = Literals.time(text) { return .time(date) }
        return nil
    }

    mutating func lexRawString() {
        let start = index
        index += 1
        while index < end, peek() != UInt8(ascii: "'") { index += 1 }
        if index >= end {
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.unterminatedString, "unterminated string", span: Span(start, end),
                    help: "close it with '"))
            incomplete = true
            emit(.rawString(String(decoding: b[(start + 1)..<end], as: UTF8.self)), from: start)
            return
        }
        let text = String(decoding: b[(start + 1)..<index], as: UTF8.self)
        index += 1
        emit(.rawString(text), from: start)
    }

    /// `"…"` with escapes `\n \t \r \\ \" \0 \$ \u{…}` and interpolation `\(…)`.
    mutating func lexString() {
        let start = index
        index += 1
        var pieces: [StringPiece] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
        }
        while index < end, peek() != UInt8(ascii: "\"") {
            let c = peek()
            guard c == UInt8(ascii: "\\") else {
                text.append(c)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            let e = peek()
            index += 1
            switch e {
            case UInt8(ascii: "n"): text.append(10)
            case UInt8(ascii: "t"): text.append(9)
            case UInt8(ascii: "r"): text.append(13)
            case UInt8(ascii: "0"): text.append(0)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "'"): text.append(e)
            case UInt8(ascii: "u"):
                guard peek() == UInt8(ascii: "{") else {
                    badEscape(escapeStart, "expected '{' after \\u", help: "write a code point as \\u{1F600}")
                    continue
                }
                let digitsStart = index + 1
                var close = digitsStart
                while close < end, close - digitsStart <= 8, b[close] != UInt8(ascii: "}") { close += 1 }
                let hex = String(decoding: b[digitsStart..<min(close, end)], as: UTF8.self)
                if close < end, b[close] == UInt8(ascii: "}"), let code = UInt32(hex, radix: 16),
                    let scalar = Unicode.Scalar(code)
                {
                    text.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index = close + 1
                } else {
                    index = min(close + 1, end)
                    badEscape(escapeStart, "invalid unicode escape", help: "write a code point as \\u{1F600}")
                }
            case UInt8(ascii: "("):
                flush()
                let inner = index
                var depth = 1
                var inString = false
                while index < end {
                    let d = b[index]
                    if inString {
                        if d == UInt8(ascii: "\\") { index += 1 } else if d == UInt8(ascii: "\"") { inString = false }
                    } else if d == UInt8(ascii: "\"") {
                        inString = true
                    } else if d == UInt8(ascii: "(") {
                        depth += 1
                    } else if d == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                if index >= end {
                    diagnostics.append(
                        Diagnostic(
                            DiagnosticCode.unterminatedString, "unterminated interpolation",
                            span: Span(escapeStart, end), help: "close it with ')'"))
                    incomplete = true
                    pieces.append(.interpolation(Span(inner, end)))
                    emit(.string(pieces), from: start)
                    return
                }
                pieces.append(.interpolation(Span(inner, index)))
                index += 1
            case 0 where index > end:
                index = end
            default:
                badEscape(
                    escapeStart, "unknown escape '\\\(String(decoding: [e], as: UTF8.self))'",
                    help:
                        "escapes are \\n \\t \\r \\0 \\\\ \\\" \\$ \\u{…} and \\(…); a raw string '…' keeps "
                            + "backslashes (regexes)"
                )
            }
        }
        flush()
        if index >= end {
            index = end
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.unterminatedString, "unterminated string", span: Span(start, end),
                    help: "close it with \""))
            incomplete = true
            emit(.string(pieces), from: start)
            return
        }
        index += 1
        emit(.string(pieces), from: start)
    }

    mutating func badEscape(_ at: Int, _ message: String, help: String) {
        diagnostics.append(
            Diagnostic(DiagnosticCode.invalidEscape, message, span: Span(at, min(index, end)), help: help))
    }
}
