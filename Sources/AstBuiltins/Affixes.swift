import AstRuntime

/// `starts-with TEXT`, `ends-with TEXT`: whether a string (or each string of a list) begins or ends so.
struct AffixTest: Command {
    enum Kind: String { case starts = "starts-with", ends = "ends-with" }
    let kind: Kind

    var signature: Signature {
        let examples =
            kind == .starts
            ? [
                Example("\"agent-7\" | starts-with \"agent\"", "one string", result: "true"),
                Example("[\"ab\", \"ba\"] | starts-with a", "each string of a list", result: "[true,false]"),
            ]
            : [Example("\"report.csv\" | ends-with \".csv\"", "one string", result: "true")]
        return Signature(
            kind.rawValue, "whether a string \(kind == .starts ? "starts" : "ends") with some text",
            category: "strings",
            positionals: [ParamSpec("text", .string, "the text to look for", required: true)],
            flags: [FlagSpec("ignore-case", short: "i", "compare without regard to case")], examples: examples)
    }

    func run(_ call: Invocation) async throws -> Value {
        let ignoreCase = call.flag("ignore-case")
        let affix = ignoreCase ? (call.string(0) ?? "").lowercased() : call.string(0) ?? ""
        return try await call.mapStrings(kind.rawValue) { text in
            let subject = ignoreCase ? text.lowercased() : text
            return .bool(kind == .starts ? subject.hasPrefix(affix) : subject.hasSuffix(affix))
        }
    }
}

/// `contains VALUE`: whether a string holds some text, a list holds an item, or a record has a key.
struct ContainsCommand: Command {
    let signature = Signature(
        "contains", "whether a string holds a text, or a list an item", category: "strings",
        positionals: [ParamSpec("value", .any, "the text (for a string) or the item (for a list)", required: true)],
        flags: [FlagSpec("ignore-case", short: "i", "compare strings without regard to case")],
        examples: [
            Example("\"CAPTCHA blocked\" | contains CAPTCHA", "text in a string", result: "true"),
            Example("[1, 2, 3] | contains 4", "an item of a list", result: "false"),
            Example("\"Timeout\" | contains -i timeout", "without regard to case", result: "true"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let wanted = call.positional(0) ?? .null
        let ignoreCase = call.flag("ignore-case")
        switch call.input {
        case .string(let text):
            let needle = wanted.text
            return .bool(ignoreCase ? text.lowercased().contains(needle.lowercased()) : text.contains(needle))
        case .list, .stream:
            let iterator = call.items.makeIterator()
            while let item = try await iterator.next() {
                if case (.string(let a), .string(let b)) = (item, wanted), ignoreCase, a.lowercased() == b.lowercased()
                {
                    return .bool(true)
                }
                if item.isEqual(to: wanted) { return .bool(true) }
            }
            return .bool(false)
        case .null: return .bool(false)
        default:
            throw call.error(
                "contains needs a string or a list, got \(call.input.typeName) \(label(of: call.input))",
                help: "for a record's field use: has FIELD")
        }
    }
}
