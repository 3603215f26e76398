import AstRuntime

/// `keys`, `values`, `entries`: a record's field names, its values, or `{key, value}` records (so that
/// `group-by agentName | entries | each { … }` visits each group).
struct RecordParts: Command {
    enum Kind: String { case keys, values, entries }
    let kind: Kind

    var signature: Signature {
        switch kind {
        case .keys:
            return Signature(
                "keys", "the field names of a record", category: "records",
                examples: [
                    Example("{a: 1, b: 2} | keys", "in order", result: "[\"a\",\"b\"]")
                ])
        case .values:
            return Signature(
                "values", "the field values of a record", category: "records",
                examples: [
                    Example("{a: 1, b: 2} | values", "in order", result: "[1,2]")
                ])
        case .entries:
            return Signature(
                "entries", "a record as a list of {key, value} records", category: "records",
                examples: [
                    Example(
                        "{a: 1, b: 2} | entries", "one per field",
                        result: "[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]"),
                    Example(
                        "[{s: \"x\"}, {s: \"y\"}, {s: \"x\"}] | group-by s | entries | each { \"\\(.key)=\\(.value | "
                            + "count)\" }",
                        "each group of a group-by", result: "[\"x=2\",\"y=1\"]"),
                ])
        }
    }

    func run(_ call: Invocation) async throws -> Value {
        let record = try call.record(call.input, kind.rawValue)
        switch kind {
        case .keys: return .list(record.keys.map { .string($0) })
        case .values: return .list(record.pairs.map(\.value))
        case .entries:
            return .list(record.pairs.map { .record(Record([("key", .string($0.key)), ("value", $0.value)])) })
        }
    }
}

/// `merge RECORD`: the input record with RECORD's fields added, or replacing fields of the same name.
struct MergeCommand: Command {
    let signature = Signature(
        "merge", "add or replace the fields of another record", category: "records",
        positionals: [ParamSpec("other", .record, "the fields to add or replace", required: true)],
        examples: [
            Example("{a: 1, b: 2} | merge {b: 3, c: 4}", "the argument wins", result: "{\"a\":1,\"b\":3,\"c\":4}"),
            Example(
                "[{a: 1}, {a: 2}] | merge {ok: true}", "each record of a list",
                result: "[{\"a\":1,\"ok\":true},{\"a\":2,\"ok\":true}]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        guard case .record(let other)? = call.positional(0) else { return call.input }
        return try await call.mapEach { value in
            if value.isNull { return .null }
            var record = try call.record(value, "merge")
            record.schema = nil
            for (key, field) in other.pairs { record[key] = field }
            return .record(record)
        }
    }
}

/// `has FIELD`: whether a record has a field (a path reads through nested records), null or not.
struct HasCommand: Command {
    let signature = Signature(
        "has", "whether a record has a field", category: "records",
        positionals: [ParamSpec("field", .field, "a field name or path", required: true)],
        examples: [
            Example("{a: {b: null}} | has .a.b", "present, even when null", result: "true"),
            Example("[{a: 1}, {b: 2}] | has a", "each record of a list", result: "[true,false]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let path = (call.string(0) ?? "").split(separator: ".").map(String.init)
        return try await call.mapEach { value in
            var current = value
            for step in path {
                guard case .record(let record) = current, let next = record[step] else { return .bool(false) }
                current = next
            }
            return .bool(true)
        }
    }
}
