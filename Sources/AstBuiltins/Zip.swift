import AstRuntime

/// `zip LIST`: pairs `[a, b]` of the input's items with LIST's, as long as both last.
struct ZipCommand: Command {
    let signature = Signature(
        "zip", "pair the items with those of another list", category: "lists",
        positionals: [ParamSpec("other", .list, "the list to pair with", required: true)],
        examples: [
            Example("[1, 2, 3] | zip [a, b]", "as long as the shorter", result: "[[1,\"a\"],[2,\"b\"]]")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let other = try await (call.positional(0) ?? .null).asStream.collect()
        var out: [Value] = []
        let iterator = call.items.makeIterator()
        for partner in other {
            guard let item = try await iterator.next() else { break }
            out.append(.list([item, partner]))
        }
        return .list(out)
    }
}

/// `append VALUE…`: the input's items followed by the values (a list's items are appended one by one).
struct AppendCommand: Command {
    let signature = Signature(
        "append", "add items at the end of a list", category: "lists",
        rest: ParamSpec("value", .any, "an item, or a list whose items are added"),
        examples: [
            Example("[1, 2] | append 3", "one item", result: "[1,2,3]"),
            Example("[1] | append [2, 3] 4", "a list's items, then another", result: "[1,2,3,4]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        var items = try await call.list("append")
        for value in call.positionals {
            switch value {
            case .list(let more): items.append(contentsOf: more)
            case .stream(let stream): items.append(contentsOf: try await stream.collect())
            default: items.append(value)
            }
        }
        return .list(items)
    }
}

/// `chunks N`: the items in lists of N (the last may be shorter); lazy on a stream.
struct ChunksCommand: Command {
    let signature = Signature(
        "chunks", "the items in groups of N", category: "lists",
        positionals: [ParamSpec("size", .int, "items per group", required: true)],
        examples: [
            Example("[1, 2, 3, 4, 5] | chunks 2", "the last group is shorter", result: "[[1,2],[3,4],[5]]")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let size = call.int(0) ?? 0
        guard size > 0 else { throw call.error("chunks needs a size of 1 or more, got \(size)", argument: "size") }
        let source = call.items
        let chunked = ValueStream {
            let iterator = source.makeIterator()
            return ValueIterator {
                var chunk: [Value] = []
                while chunk.count < size, let item = try await iterator.next() { chunk.append(item) }
                return chunk.isEmpty ? nil : .list(chunk)
            }
        }
        if case .stream = call.input { return .stream(chunked) }
        return .list(try await chunked.collect())
    }
}
