import AstRuntime
import Foundation

/// `replace OLD NEW`: a string with each OLD (or only the first, `--first`) replaced by NEW.
struct ReplaceCommand: Command {
    let signature = Signature(
        "replace", "replace text in a string", category: "strings",
        positionals: [
            ParamSpec("old", .string, "the text to find (as written, not a pattern)", required: true),
            ParamSpec("new", .string, "what to put instead", required: true),
        ],
        flags: [FlagSpec("first", "only the first occurrence")],
        examples: [
            Example("\"a-b-c\" | replace \"-\" \"+\"", "every occurrence", result: "\"a+b+c\""),
            Example("\"a-b-c\" | replace \"-\" \"\" --first", "only the first", result: "\"ab-c\""),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let old = call.string(0) ?? ""
        let new = call.string(1) ?? ""
        guard !old.isEmpty else { throw call.error("replace needs text to find, got an empty string", argument: "old") }
        let first = call.flag("first")
        return try await call.mapStrings("replace") { text in
            guard first else { return .string(text.replacingOccurrences(of: old, with: new)) }
            guard let range = text.range(of: old) else { return .string(text) }
            return .string(text.replacingCharacters(in: range, with: new))
        }
    }
}
