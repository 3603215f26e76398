import AstRuntime

/// `uniq`: drops repeated items, keeping the first of each. "Repeated" is the language's one equality
/// (`==`, `Value.isEqual`), so `1` and `1.0` are the same item while `1` and `"1"` are not.
struct UniqCommand: Command {
    let signature = Signature(
        "uniq", "drop repeated items", category: "filters",
        examples: [Example("[1, 2, 1, 3, 2] | uniq", "first occurrences", result: "[1,2,3]")])

    func run(_ call: Invocation) async throws -> Value {
        var buckets: [Int: [Value]] = [:]
        var out: [Value] = []
        for item in try await call.collectItems() {
            var hasher = Hasher()
            Self.hash(item, into: &hasher)
            let key = hasher.finalize()
            if buckets[key, default: []].contains(where: { $0.isEqual(to: item) }) { continue }
            buckets[key, default: []].append(item)
            out.append(item)
        }
        return .list(out)
    }

    /// A hash consistent with `isEqual`: equal values hash alike (ints and floats hash by numeric value).
    static func hash(_ value: Value, into hasher: inout Hasher) {
        /// A scalar: its kind's tag, then the value.
        func scalar(_ tag: Int, _ part: some Hashable) {
            hasher.combine(tag)
            hasher.combine(part)
        }
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): scalar(1, b)
        case .int(let i): scalar(2, Double(i))
        case .float(let d): scalar(2, d)
        case .string(let s): scalar(3, s)
        case .time(let t): scalar(4, t)
        case .duration(let d): scalar(5, d)
        case .list(let items):
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .record(let record):
            hasher.combine(7)
            for pair in record.pairs {
                hasher.combine(pair.key)
                hash(pair.value, into: &hasher)
            }
        case .closure, .stream: hasher.combine(8)
        }
    }
}
