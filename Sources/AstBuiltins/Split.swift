import AstRuntime

/// `split [SEP]`: a string cut at each SEP (white space when no SEP is given).
struct SplitCommand: Command {
    let signature = Signature(
        "split", "cut a string into a list at a separator", category: "strings",
        positionals: [ParamSpec("separator", .string, "the text between the parts (default: runs of white space)")],
        examples: [
            Example("\"a,b,,c\" | split \",\"", "at each comma (empty parts kept)", result: "[\"a\",\"b\",\"\",\"c\"]"),
            Example("\" a  b \" | split", "at white space", result: "[\"a\",\"b\"]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let separator = call.string(0)
        if separator == "" { throw call.error("split needs a separator that is not empty", argument: "separator") }
        return try await call.mapStrings("split") { text in
            guard let separator else {
                return .list(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
            }
            return .list(text.components(separatedBy: separator).map { .string($0) })
        }
    }
}

/// `join [SEP]`: the items of a list as one string, SEP between them.
struct JoinCommand: Command {
    let signature = Signature(
        "join", "the items of a list as one string", category: "strings",
        positionals: [ParamSpec("separator", .string, "put between the items (default: nothing)")],
        examples: [
            Example("[\"a\", \"b\", \"c\"] | join \", \"", "with a separator", result: "\"a, b, c\""),
            Example("[1, 2m, null] | join \"/\"", "items as they print; null as empty", result: "\"1/2m/\""),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let separator = call.string(0) ?? ""
        var text = ""
        var first = true
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            if !first { text += separator }
            first = false
            switch item {
            case .null: break
            case .list, .record, .closure, .stream:
                throw call.error("join needs strings or other single values, got \(item.typeName) \(label(of: item))")
            default: text += item.text
            }
        }
        return .string(text)
    }
}
