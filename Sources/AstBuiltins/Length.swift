import AstRuntime

/// `length`: the characters of a string, the items of a list, the fields of a record.
struct LengthCommand: Command {
    let signature = Signature(
        "length", "the length of a string, list or record", category: "strings",
        examples: [
            Example("\"héllo\" | length", "characters of a string", result: "5"),
            Example("[1, 2, 3] | length", "items of a list", result: "3"),
            Example("{a: 1, b: 2} | length", "fields of a record", result: "2"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        switch call.input {
        case .string(let text): return .int(text.count)
        case .list(let items): return .int(items.count)
        case .record(let record): return .int(record.count)
        case .stream(let stream): return .int(try await stream.collect().count)
        case .null: return .int(0)
        default:
            throw call.error(
                "length needs a string, list or record, got \(call.input.typeName) \(label(of: call.input))")
        }
    }
}
