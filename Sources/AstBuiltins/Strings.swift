import AstRuntime
import Foundation

/// `upper`, `lower`, `trim`, `lines`: one string (or each string of a list) changed as a whole.
struct StringTransform: Command {
    enum Kind: String, CaseIterable { case upper, lower, trim, lines }
    let kind: Kind

    var signature: Signature {
        switch kind {
        case .upper:
            return Signature(
                "upper", "a string in upper case", category: "strings",
                examples: [
                    Example("\"abc\" | upper", "one string", result: "\"ABC\""),
                    Example("[\"a\", \"b\"] | upper", "each string of a list", result: "[\"A\",\"B\"]"),
                ])
        case .lower:
            return Signature(
                "lower", "a string in lower case", category: "strings",
                examples: [
                    Example("\"AbC\" | lower", "one string", result: "\"abc\"")
                ])
        case .trim:
            return Signature(
                "trim", "a string without leading and trailing white space", category: "strings",
                flags: [
                    FlagSpec("left", "only at the start"), FlagSpec("right", "only at the end"),
                ],
                examples: [
                    Example("\"  a b  \" | trim", "both ends", result: "\"a b\""),
                    Example("\"  a  \" | trim --left", "the start only", result: "\"a  \""),
                ])
        case .lines:
            return Signature(
                "lines", "the lines of a string (without their line breaks)", category: "strings",
                examples: [
                    Example(
                        "\"a\\nb\\r\\nc\\n\" | lines", "a final line break ends the last line",
                        result: "[\"a\",\"b\",\"c\"]")
                ])
        }
    }

    func run(_ call: Invocation) async throws -> Value {
        let left = call.flag("left") || !call.flag("right")
        let right = call.flag("right") || !call.flag("left")
        return try await call.mapStrings(kind.rawValue) { text in
            switch kind {
            case .upper: return .string(text.uppercased())
            case .lower: return .string(text.lowercased())
            case .trim:
                var slice = Substring(text)
                if left { slice = slice.drop(while: \.isWhitespace) }
                if right { while slice.last?.isWhitespace == true { slice = slice.dropLast() } }
                return .string(String(slice))
            case .lines:
                // "\r\n" is one Character in Swift, a line break like "\n".
                var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
                if lines.last == "" { lines.removeLast() }
                return .list(lines.map { .string($0) })
            }
        }
    }
}
