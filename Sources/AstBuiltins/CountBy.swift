import AstRuntime

/// `count-by FIELD`: how many items have each value of FIELD, as `{value, count}` records, most common
/// first (ties in order of first appearance). Items whose FIELD is null are not counted (aggregates skip nulls).
struct CountByCommand: Command {
    let signature = Signature(
        "count-by", "count the items by a field's value: {value, count}, most common first", category: "aggregates",
        positionals: [ParamSpec("key", .fieldOrClosure, "a field, a path, or a block", required: true)],
        examples: [
            Example(
                "[{s: \"a\"}, {s: \"b\"}, {s: \"b\"}, {s: null}] | count-by s", "nulls are skipped",
                result: "[{\"value\":\"b\",\"count\":2},{\"value\":\"a\",\"count\":1}]")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let selector = call.positional(0) ?? .null
        var index = ValueIndex()
        var counts: [(value: Value, count: Int)] = []
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let key = try await call.key(selector, of: item).materialized()
            if key.isNull { continue }
            let (position, isNew) = index.position(of: key)
            if isNew { counts.append((key, 0)) }
            counts[position].count += 1
        }
        let ordered = counts.enumerated().sorted {
            $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
        }
        return .list(ordered.map { .record(Record([("value", $0.element.value), ("count", .int($0.element.count))])) })
    }
}
