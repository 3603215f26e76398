import AstRuntime

// How the standard library takes its input, the same way for every command (docs/language.md, "Standard
// library"): the data comes down the pipeline, the arguments say what to do with it. A command that works on
// one value (`upper`, `round`, `insert`) applies to a single value, and to each item of a list or stream
// (lazily for a stream), so `$ids | upper` and `list | insert seen true` work; `null` stays `null`.
// A command that works on a whole sequence (`enumerate`, `chunks`, `reduce`) reads the items.
extension Invocation {
    /// `transform` applied to the input, or to each item of a list or stream.
    func mapEach(_ transform: @escaping @Sendable (Value) async throws -> Value) async throws -> Value {
        switch input {
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try await transform(item)) }
            return .list(out)
        case .stream(let stream): return .stream(stream.map(transform))
        default: return try await transform(input)
        }
    }

    /// `transform` over strings (nulls pass through); any other value is an error naming it.
    func mapStrings(_ name: String, _ transform: @escaping @Sendable (String) throws -> Value) async throws -> Value {
        try await mapEach { value in
            switch value {
            case .null: return .null
            case .string(let text): return try transform(text)
            default: throw self.error("\(name) needs strings, got \(value.typeName) \(label(of: value))")
            }
        }
    }

    /// A positional string argument (already converted by the signature).
    func string(_ index: Int) -> String? { positional(index)?.stringValue }

    /// The input as a list: a list or stream collected, null as empty, any other value an error.
    func list(_ name: String) async throws -> [Value] {
        switch input {
        case .list(let items): return items
        case .stream(let stream): return try await stream.collect()
        case .null: return []
        default: throw error("\(name) needs a list, got \(input.typeName) \(label(of: input))")
        }
    }

    /// The input as a record, or an error naming what came instead.
    func record(_ value: Value, _ name: String) throws -> Record {
        guard case .record(let record) = value else {
            throw error("\(name) needs a record, got \(value.typeName) \(label(of: value))")
        }
        return record
    }
}

/// Positions of distinct values, by the language's one equality (`1` and `1.0` are the same, as for `uniq`).
struct ValueIndex {
    private var buckets: [Int: [(value: Value, position: Int)]] = [:]
    private(set) var count = 0

    /// The position of `value`, added at the end when it is new (`isNew`).
    mutating func position(of value: Value) -> (position: Int, isNew: Bool) {
        var hasher = Hasher()
        UniqCommand.hash(value, into: &hasher)
        let key = hasher.finalize()
        if let found = buckets[key]?.first(where: { $0.value.isEqual(to: value) }) { return (found.position, false) }
        buckets[key, default: []].append((value, count))
        count += 1
        return (count - 1, true)
    }
}
