import AstRuntime
import AstSyntax

/// `insert FIELD VALUE`, `update FIELD VALUE`, `remove FIELD…`: one record (or each record of a list)
/// with a field added, changed or taken away. `insert` refuses a field that exists, `update` one that does
/// not; a block as VALUE is called with the record as `$it` (`update n { .n + 1 }`).
struct FieldChange: Command {
    enum Kind: String { case insert, update, remove }
    let kind: Kind

    var signature: Signature {
        switch kind {
        case .insert:
            return Signature(
                "insert", "add a field to a record", category: "records",
                positionals: [
                    ParamSpec("field", .field, "the new field (a path adds it in a nested record)", required: true),
                    ParamSpec(
                        "value", .any, "its value, or a block computing it from the record ($it)", required: true),
                ],
                examples: [
                    Example("{a: 1} | insert b 2", "a new field at the end", result: "{\"a\":1,\"b\":2}"),
                    Example(
                        "[{n: 1}, {n: 2}] | insert double { .n * 2 }", "computed from each record",
                        result: "[{\"n\":1,\"double\":2},{\"n\":2,\"double\":4}]"),
                ])
        case .update:
            return Signature(
                "update", "change a field of a record", category: "records",
                positionals: [
                    ParamSpec("field", .field, "the field to change (it must exist)", required: true),
                    ParamSpec(
                        "value", .any, "its new value, or a block computing it from the record ($it)", required: true),
                ],
                examples: [
                    Example("{a: 1, b: 2} | update a 5", "a new value", result: "{\"a\":5,\"b\":2}"),
                    Example(
                        "{name: \"x\"} | update name { .name | upper }", "computed from the record",
                        result: "{\"name\":\"X\"}"),
                ])
        case .remove:
            return Signature(
                "remove", "take fields out of a record", category: "records",
                rest: ParamSpec("field", .field, "a field name or path (absent fields are ignored)"),
                examples: [
                    Example("{a: 1, b: 2, c: 3} | remove a c", "two fields", result: "{\"b\":2}"),
                    Example("{a: {b: 1, c: 2}} | remove .a.b", "a nested field", result: "{\"a\":{\"c\":2}}"),
                ])
        }
    }

    func run(_ call: Invocation) async throws -> Value {
        let paths = call.positionals.prefix(kind == .remove ? call.positionals.count : 1).compactMap(\.stringValue)
            .map { $0.split(separator: ".").map(String.init) }
        if kind == .remove, paths.isEmpty {
            throw call.error("remove needs at least one field", help: "e.g. remove meta")
        }
        let newValue = kind == .remove ? Value.null : call.positional(1) ?? .null
        return try await call.mapEach { item in
            if item.isNull { return .null }
            var record = try call.record(item, kind.rawValue)
            for path in paths {
                var value = newValue
                if case .closure(let block) = newValue { value = try await call.call(block, with: item).materialized() }
                record = try change(record, at: path[...], to: value, call: call, whole: path.joined(separator: "."))
            }
            return .record(record)
        }
    }

    private func change(_ record: Record, at path: ArraySlice<String>, to value: Value, call: Invocation, whole: String)
        throws -> Record
    {
        var record = record
        guard let key = path.first else { return record }
        if path.count > 1 {
            switch record[key] {
            case .record(let inner)?:
                record[key] = .record(try change(inner, at: path.dropFirst(), to: value, call: call, whole: whole))
            case nil, .null?:
                if kind == .remove { return record }
                if kind == .update { throw call.error("update: the record has no field '\(whole)'", argument: "field") }
                record[key] = .record(try change(Record(), at: path.dropFirst(), to: value, call: call, whole: whole))
            case let other?:
                if kind == .remove { return record }
                throw call.error("\(kind.rawValue): '\(key)' is \(other.typeName), not a record", argument: "field")
            }
            record.schema = nil
            return record
        }
        let exists = record[key] != nil
        switch kind {
        case .insert where exists:
            throw call.error(
                "insert: the record already has a field '\(whole)'", argument: "field",
                help: "to change it use: update \(whole) …")
        case .update where !exists:
            throw call.error(
                "update: the record has no field '\(whole)'", argument: "field",
                help: Suggest.help(for: key, in: record.keys) ?? "to add it use: insert \(whole) …")
        case .remove: record[key] = nil
        default: record[key] = value
        }
        record.schema = nil
        return record
    }
}
