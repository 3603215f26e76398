import Foundation

/// One lexical token. `spaceBefore` records whether whitespace separated it from the previous token:
/// the parser glues adjacent tokens into bare words (`sort=created_at:desc`) and requires adjacency
/// for postfix steps (`$x.a`).
package struct Token: Sendable, Hashable {
    package var kind: TokenKind
    package var span: Span
    package var spaceBefore: Bool

    package init(_ kind: TokenKind, _ span: Span, spaceBefore: Bool) {
        self.kind = kind
        self.span = span
        self.spaceBefore = spaceBefore
    }
}

/// A part of a double-quoted string: literal text, or the source range of an interpolated `\(…)`.
package enum StringPiece: Sendable, Hashable {
    case text(String)
    case interpolation(Span)
}

package enum TokenKind: Sendable, Hashable {
    case int(Int)
    case float(Double)
    /// Seconds.
    case duration(Double)
    case time(Date)
    case string([StringPiece])
    case rawString(String)
    /// An identifier or keyword: letters, digits, `_`, inner `-`.
    case ident(String)
    /// A word that is neither a number nor an identifier (`3c90c3cc-…`).
    case word(String)
    /// `$name`
    case variable(String)
    /// `--name`
    case longFlag(String)
    /// `-p`
    case shortFlag(String)
    case op(String)
    case newline
    case eof
    /// A character the lexer cannot use; already reported.
    case invalid

    package var isStatementEnd: Bool {
        switch self {
        case .newline, .eof, .op(";"): true
        default: false
        }
    }

    /// How the token reads in a message.
    package var display: String {
        switch self {
        case .int(let v): "number \(v)"
        case .float(let v): "number \(v)"
        case .duration: "duration"
        case .time: "time"
        case .string, .rawString: "string"
        case .ident(let name): "'\(name)'"
        case .word(let word): "'\(word)'"
        case .variable(let name): "'$\(name)'"
        case .longFlag(let name): "'--\(name)'"
        case .shortFlag(let name): "'-\(name)'"
        case .op(let op): "'\(op)'"
        case .newline: "end of line"
        case .eof: "end of input"
        case .invalid: "invalid character"
        }
    }
}

/// The language's reserved words: the one list the parser, completion and suggestions read.
package enum Keywords {
    /// The words of statements and blocks (`let`, `def`, `if` … `exit`), in the order completion offers them.
    package static let statements = [
        "let", "def", "if", "else", "for", "in", "try", "catch", "return", "break", "continue", "exit",
    ]
    /// Every reserved word: the statement words, the literals and the word operators.
    package static let all = Set(statements + ["true", "false", "null", "and", "or", "not"])
}
