import AstRuntime
import AstSyntax

/// `from json`: a JSON text (a string, or each string of a list) parsed into values.
struct FromCommand: Command {
    let signature = Signature(
        "from", "parse text in a format into values", category: "conversions",
        positionals: [ParamSpec("format", .string, "the format of the text", required: true, choices: ["json"])],
        examples: [
            Example("\"{\\\"a\\\": [1, 2.5, null]}\" | from json", "a JSON object", result: "{\"a\":[1,2.5,null]}"),
            Example("[\"1\", \"true\"] | from json", "each string of a list", result: "[1,true]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        try await call.mapStrings("from json") { text in
            do {
                return try JSONText.decode(text)
            } catch let diagnostic as Diagnostic {
                throw call.error("from json: \(diagnostic.message)", help: "the text: \(label(of: .string(text)))")
            }
        }
    }
}

/// `to json [--pretty]`: a value as a JSON string (times as RFC 3339 text, durations as seconds).
struct ToCommand: Command {
    let signature = Signature(
        "to", "a value as text in a format", category: "conversions",
        positionals: [ParamSpec("format", .string, "the format of the text", required: true, choices: ["json"])],
        flags: [FlagSpec("pretty", "indented over several lines")],
        examples: [
            Example(
                "{a: [1, null], d: 90s} | to json", "compact, one line", result: "\"{\\\"a\\\":[1,null],\\\"d\\\":90}\""
            ),
            Example("[1] | to json --pretty | lines | length", "indented", result: "3"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let value = try await call.input.materialized()
        return .string(JSONText.encode(value, pretty: call.flag("pretty")))
    }
}
