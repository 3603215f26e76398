import AstRuntime

/// `group-by FIELD`: a record from each distinct value of FIELD to the items that have it.
struct GroupByCommand: Command {
    let signature = Signature(
        "group-by", "group items by a field's value", category: "aggregates",
        positionals: [ParamSpec("key", .fieldOrClosure, "a field, a path, or a block", required: true)],
        examples: [
            Example(
                "[{s: \"a\"}, {s: \"b\"}, {s: \"a\"}] | group-by s | .a | count", "the size of group a", result: "2")
        ])

    func run(_ call: Invocation) async throws -> Value {
        let selector = call.positional(0) ?? .null
        var groups = Record()
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let key = try await call.key(selector, of: item).text
            if case .list(var members)? = groups[key] {
                members.append(item)
                groups[key] = .list(members)
            } else {
                groups[key] = .list([item])
            }
        }
        return .record(groups)
    }
}
