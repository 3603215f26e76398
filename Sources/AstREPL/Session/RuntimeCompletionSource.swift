import AstRuntime
import AstSyntax

/// A completion snapshot built from the language runtime: command signatures (named arguments,
/// flags, closed value sets), `def` functions, global variables, and record schemas.
///
/// Taken once per prompt (cheap: it copies names), then asked synchronously by the Tab key.
package struct RuntimeCompletionSource: CompletionSource {
    let signatures: [String: Signature]
    let functionNames: [String]
    let variables: [String: Value]
    let schemaNamed: @Sendable (String) -> Schema?
    package let agentNames: [String]
    package let recentExecutionIDs: [String]
    package let keywords = Keywords.statements

    /// Commands whose output records have the same schema as their input.
    static let passThrough: Set<String> = [
        "where", "first", "last", "skip", "sort-by", "reverse", "uniq", "wait", "table", "print",
    ]

    /// - `schemaNamed`: the schema a command's `outputSchema` names ("execution" → its fields).
    package init(
        interpreter: Interpreter, schemaNamed: @escaping @Sendable (String) -> Schema?,
        agentNames: [String] = [], recentExecutionIDs: [String] = []
    ) {
        var signatures: [String: Signature] = [:]
        for name in interpreter.registry.names {
            if let command = interpreter.registry.lookup(name) { signatures[name] = command.signature }
        }
        self.signatures = signatures
        functionNames = interpreter.globals.visibleFunctions
        var variables: [String: Value] = [:]
        for name in interpreter.globals.visibleVariables {
            if let value = interpreter.globals.lookup(name) { variables[name] = value }
        }
        self.variables = variables
        self.schemaNamed = schemaNamed
        self.agentNames = agentNames
        self.recentExecutionIDs = recentExecutionIDs
    }

    package var commandNames: [String] {
        Array(Set(signatures.keys).union(functionNames)).sorted()
    }

    package var variableNames: [String] {
        Array(Set(variables.keys).union(["it", "_", "env", "now", "args"])).sorted()
    }

    package func arguments(of command: String) -> [ArgumentSpec] {
        guard let signature = signatures[command] else { return [] }
        return signature.named.map { ArgumentSpec($0.name) }
            + signature.flags.map { ArgumentSpec($0.name, kind: .flag) }
    }

    package func positionalKind(of command: String) -> PositionalKind {
        guard let signature = signatures[command] else { return .none }
        if signature.style == .stage || command == "help" { return .command }
        guard let param = signature.positionals.first ?? signature.rest else { return .none }
        switch param.type {
        case .field, .fieldOrClosure: return .field
        default: break
        }
        let name = param.name.lowercased()
        if name == "path" || name == "file" { return .path }
        if name == "agent" || name.hasPrefix("agent") { return .agent }
        if name == "id" || name.hasSuffix("id") || name == "execution" { return .executionID }
        return .none
    }

    package func values(of command: String, argument: String) -> [String] {
        let spec = signatures[command]?.named.first { $0.name == argument }
        if let choices = spec?.choices, !choices.isEmpty { return choices }
        switch argument {
        case "agent": return agentNames
        case "id", "parent", "execution": return recentExecutionIDs
        default: return []
        }
    }

    /// Declared choices of the next positional; for `set NAME`, the values that setting takes.
    package func positionalChoices(of command: String, after positionals: [String]) -> [String] {
        guard let signature = signatures[command] else { return [] }
        if command == "set", positionals.count == 1 {
            switch positionals[0] {
            case "format": return Settings.Format.allCases.map(\.rawValue)
            case "confirm", "dry-run", "color": return ["true", "false"]
            default: return []
            }
        }
        guard positionals.count < signature.positionals.count else { return [] }
        return signature.positionals[positionals.count].choices
    }

    package func fields(flowingFrom upstream: String, path: [String]) -> [FieldCandidate] {
        if upstream.hasPrefix("$") {
            let name = String(upstream.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            guard let value = variables[name] else { return [] }
            return Self.fields(of: value, path: path, schemaNamed: schemaNamed)
        }
        guard var schema = schemaOfOutput(upstream) else { return [] }
        for step in path {
            guard let nested = schema.nested[step] else { return [] }
            schema = nested
        }
        return schema.fields.map { FieldCandidate($0, isRecord: schema.nested[$0] != nil) }
    }

    /// The schema of the records a pipeline's text yields: the last stage that names one, looking
    /// back through filters that keep their input's shape.
    func schemaOfOutput(_ pipeline: String) -> Schema? {
        let stages = pipeline.split(separator: "|").map { $0.split(whereSeparator: \.isWhitespace) }
        for words in stages.reversed() {
            guard let first = words.first.map(String.init) else { return nil }
            if let named = signatures[first]?.outputSchema { return schemaNamed(named) }
            if Self.passThrough.contains(first) { continue }
            return nil
        }
        return nil
    }

    static func fields(of value: Value, path: [String], schemaNamed: (String) -> Schema?) -> [FieldCandidate] {
        var current = value
        for step in path {
            switch current {
            case .record(let record): current = record[step] ?? .null
            case .list(let items):
                current =
                    items.first.flatMap { item -> Value? in
                        if case .record(let record) = item { return record[step] }
                        return nil
                    } ?? .null
            default: return []
            }
        }
        if case .list(let items) = current, let first = items.first { current = first }
        guard case .record(let record) = current else { return [] }
        return record.knownFields.map { name in
            let isRecord: Bool
            if case .record = record[name] ?? .null {
                isRecord = true
            } else {
                isRecord = record.schema?.nested[name] != nil
            }
            return FieldCandidate(name, isRecord: isRecord)
        }
    }
}
