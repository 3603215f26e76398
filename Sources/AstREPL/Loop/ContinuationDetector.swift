/// Decides, without the parser, whether typed text is an unfinished entry: an open `(`, `[`, `{`,
/// an open string, or a trailing `|`, binary operator, `=` or `,` (language.md §2).
///
/// Engines should prefer their parser's "unexpected end of input"; this is the fallback the REPL
/// uses when no engine answer is available, and it agrees with the parser on every rule it knows.
package enum ContinuationDetector {
    package static func isIncomplete(_ text: String) -> Bool {
        var scan = Scan()
        for scalar in text.unicodeScalars { scan.feed(scalar) }
        if scan.inString != nil { return true }
        if scan.depth > 0 { return true }
        return endsWithContinuer(scan.lastCodeLine)
    }

    /// Operators that, at the end of a line, announce that the statement goes on.
    static let trailingOperators = [
        "|", "==", "!=", "<=", ">=", "=~", "!~", "??", "=", ",", "+", "*", "/", "%", "<", ">", "-",
    ]
    static let trailingWords: Set<String> = ["and", "or", "not", "in"]

    static func endsWithContinuer(_ line: String) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        guard !trimmed.isEmpty else { return false }
        if let word = trimmed.split(whereSeparator: { $0.isWhitespace }).last,
            trailingWords.contains(String(word)),
            trimmed.split(whereSeparator: { $0.isWhitespace }).count > 1
        {
            return true
        }
        for op in trailingOperators where trimmed.hasSuffix(op) {
            // `-` and `>` end flags and prompts too (`--desc-`, `x->`): require a space before them.
            if op == "-" || op == ">" || op == "<" {
                let before = trimmed.dropLast(op.count)
                return before.last?.isWhitespace ?? false
            }
            return true
        }
        return false
    }

    /// A tiny lexer state: bracket depth outside strings and comments, and the code of the last line.
    struct Scan {
        var depth = 0
        /// The quote that opened the current string, if inside one.
        var inString: Unicode.Scalar?
        var escaped = false
        var inComment = false
        /// Interpolation `\(` nesting inside double-quoted strings: bracket depth to return at.
        var interpolationStack: [Int] = []
        var lastCodeLine = ""

        mutating func feed(_ c: Unicode.Scalar) {
            if c == "\n" {
                inComment = false
                if inString == nil { lastCodeLine = "" }
                return
            }
            if inComment { return }
            if let quote = inString {
                if escaped {
                    escaped = false
                    if c == "(" && quote == "\"" {
                        interpolationStack.append(depth)
                        depth += 1
                        inString = nil
                    }
                } else if c == "\\" && quote == "\"" {
                    escaped = true
                } else if c == quote {
                    inString = nil
                }
                return
            }
            lastCodeLine.unicodeScalars.append(c)
            switch c {
            case "#": inComment = true; lastCodeLine.unicodeScalars.removeLast()
            case "\"", "'": inString = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if c == ")", let back = interpolationStack.last, back == depth {
                    interpolationStack.removeLast()
                    inString = "\""
                }
            default: break
            }
        }
    }
}
