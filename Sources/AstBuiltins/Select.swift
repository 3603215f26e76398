import AstRuntime

/// `select FIELD…`: keeps only the named fields of each record.
struct SelectCommand: Command {
    let signature = Signature(
        "select", "keep only some fields of each record", category: "filters",
        rest: ParamSpec("field", .field, "a field name or path (.executionResult.outcome)"),
        examples: [
            Example("{a: 1, b: 2, c: 3} | select a c", "two fields of a record", result: "{\"a\":1,\"c\":3}"),
            Example("[{a: {b: 1}}] | select .a.b", "a nested field, named after its last step", result: "[{\"b\":1}]"),
            Example(
                "{id: 7, labels: [{name: \"x\"}]} | select id .labels[0].name", "a path through a list",
                result: "{\"id\":7,\"name\":\"x\"}"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let paths = call.positionals.compactMap(\.stringValue)
        guard !paths.isEmpty else { throw call.error("select needs at least one field", help: "e.g. select id status") }
        let pick: @Sendable (Value) async throws -> Value = { item in
            var record = Record()
            for path in paths {
                let last = path.split(separator: ".").last.map { FieldAccess.splitIndexes(String($0)).name } ?? path
                let key = last.replacingOccurrences(of: "?", with: "")
                record[key] = try await FieldAccess.read(path: path, of: item, span: call.span, source: call.env.source)
            }
            return .record(record)
        }
        switch call.input {
        case .list(let items):
            var out: [Value] = []
            for item in items { out.append(try await pick(item)) }
            return .list(out)
        case .stream(let stream): return .stream(stream.map(pick))
        case .null: return .null
        default: return try await pick(call.input)
        }
    }
}
