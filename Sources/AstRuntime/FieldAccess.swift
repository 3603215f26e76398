import AstSyntax
import Foundation

/// Reading fields and indexes: the one place that knows schema rules.
package enum FieldAccess {
    /// `.name` of a value. On a list or stream, reads the field of every element.
    package static func read(_ name: String, of target: Value, optional: Bool, span: Span?, source: SourceFile?)
        async throws -> Value
    {
        switch target {
        case .record(let record):
            if let value = record[name] { return value }
            if record.schema?.knows(name) == true || optional { return .null }
            let what = record.schema.map { "\($0.name) records have" } ?? "the record has"
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.unknownField, "\(what) no field '\(name)'", span: span,
                    help: Suggest.help(for: name, in: record.knownFields)
                        ?? (record.schema == nil ? "fields: \(record.keys.prefix(12).joined(separator: ", "))" : nil),
                    source: source))
        case .list(let items):
            var out: [Value] = []
            for item in items {
                out.append(try await read(name, of: item, optional: optional, span: span, source: source))
            }
            return .list(out)
        case .stream(let stream):
            return .stream(stream.map { try await read(name, of: $0, optional: optional, span: span, source: source) })
        case .null where optional:
            return .null
        default:
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.typeMismatch, "cannot read field '\(name)' of \(target.typeName)",
                    span: span, help: target.isNull ? "add '?' to read null instead: .\(name)?" : nil, source: source))
        }
    }

    /// Reads a dotted path ("executionResult.outcome", "humanLabels[0].name") as FIELD arguments name it.
    package static func read(path: String, of target: Value, span: Span?, source: SourceFile?) async throws -> Value {
        var value = target
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            let (field, indexes) = splitIndexes(String(part))
            var name = field
            let optional = name.hasSuffix("?")
            if optional { name.removeLast() }
            if value.isNull { return .null }
            if !name.isEmpty { value = try await read(name, of: value, optional: optional, span: span, source: source) }
            for index in indexes {
                // A column through a list (`humanLabels[0].name`) is null where the list is shorter.
                if value.isNull { return .null }
                value = try Self.index(value, by: .int(index), optional: true, span: span, source: source)
            }
        }
        return value
    }

    /// `humanLabels[0][-1]` → ("humanLabels", [0, -1]); a step without `[N]` suffixes is all name.
    package static func splitIndexes(_ step: String) -> (name: String, indexes: [Int]) {
        var name = Substring(step)
        var indexes: [Int] = []
        while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
            let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            indexes.insert(index, at: 0)
            name = name[..<open]
        }
        return (String(name), indexes)
    }

    /// `$xs[0]`, `$xs[-1]`, `$r["key"]`.
    package static func index(_ target: Value, by index: Value, optional: Bool, span: Span?, source: SourceFile?) throws
        -> Value
    {
        /// The item at `i` (negative counts from the end); null when absent and optional, else an error.
        func element<Item>(_ items: [Item], _ i: Int, of what: String) throws -> Item? {
            let position = i < 0 ? items.count + i : i
            if items.indices.contains(position) { return items[position] }
            if optional { return nil }
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.runtime, "index \(i) is out of range for a \(what) of \(items.count)",
                    span: span, help: "add '?' to read null instead", source: source))
        }
        switch (target, index) {
        case (.list(let items), .int(let i)):
            return try element(items, i, of: "list") ?? .null
        case (.string(let s), .int(let i)):
            return try element(Array(s), i, of: "string").map { .string(String($0)) } ?? .null
        case (.record(let record), .string(let key)):
            if let value = record[key] { return value }
            if optional || record.schema?.knows(key) == true { return .null }
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.unknownField, "the record has no field '\(key)'", span: span,
                    help: Suggest.help(for: key, in: record.knownFields), source: source))
        case (.null, _) where optional:
            return .null
        default:
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.typeMismatch, "cannot index \(target.typeName) with \(index.typeName)",
                    span: span, source: source))
        }
    }
}
