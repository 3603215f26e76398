import AstRuntime

/// `enumerate`: each item as `{index, item}`, counting from 0 (lazily for a stream).
struct EnumerateCommand: Command {
    let signature = Signature(
        "enumerate", "number the items: {index, item}", category: "lists",
        examples: [
            Example(
                "[\"a\", \"b\"] | enumerate", "from 0",
                result: "[{\"index\":0,\"item\":\"a\"},{\"index\":1,\"item\":\"b\"}]")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let numbered: @Sendable (Int, Value) -> Value = { .record(Record([("index", .int($0)), ("item", $1)])) }
        switch call.input {
        case .list(let items): return .list(items.enumerated().map { numbered($0.offset, $0.element) })
        case .null: return .list([])
        default:
            let source = call.items
            return .stream(
                ValueStream {
                    let iterator = source.makeIterator()
                    var index = 0
                    return ValueIterator {
                        guard let item = try await iterator.next() else { return nil }
                        defer { index += 1 }
                        return numbered(index, item)
                    }
                })
        }
    }
}
