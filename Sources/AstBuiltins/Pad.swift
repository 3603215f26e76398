import AstRuntime

/// `pad-left WIDTH [FILL]`, `pad-right WIDTH [FILL]`: a string made WIDTH characters wide (never cut).
struct PadCommand: Command {
    enum Kind: String { case left = "pad-left", right = "pad-right" }
    let kind: Kind

    var signature: Signature {
        let examples =
            kind == .left
            ? [
                Example("7 | pad-left 3 0", "a number as text, zero-filled", result: "\"007\""),
                Example("\"abcd\" | pad-left 2", "a longer string is kept whole", result: "\"abcd\""),
            ]
            : [Example("[\"a\", \"bbb\"] | pad-right 3 \".\"", "each string of a list", result: "[\"a..\",\"bbb\"]")]
        return Signature(
            kind.rawValue, "a string padded on the \(kind == .left ? "left" : "right") to a width", category: "strings",
            positionals: [
                ParamSpec("width", .int, "the width in characters", required: true),
                ParamSpec("fill", .string, "the fill character (default: a space)"),
            ], examples: examples)
    }

    func run(_ call: Invocation) async throws -> Value {
        let width = call.int(0) ?? 0
        let fill = call.string(1) ?? " "
        guard fill.count == 1 else {
            throw call.error("\(kind.rawValue) needs one fill character, got \"\(fill)\"", argument: "fill")
        }
        return try await call.mapEach { value in
            let text: String
            switch value {
            case .null: return .null
            case .list, .record, .closure, .stream:
                throw call.error("\(kind.rawValue) needs strings or other single values, got \(value.typeName)")
            default: text = value.text
            }
            let padding = String(repeating: fill, count: Swift.max(0, width - text.count))
            return .string(kind == .left ? padding + text : text + padding)
        }
    }
}
