import AstRuntime
import AstSyntax
import AsteroidModels
import Foundation

/// Converts wire models into language values: records in schema field order carrying their schema,
/// timestamps as `time`, `duration` as a `duration`.
package enum APIValues {
    package static func value(_ execution: Execution) -> Value { ExecutionValue.make(execution) }
    package static func value(_ agent: Agent) -> Value { convert(agent, schema: APISchemas.agent) }
    package static func value(_ activity: Activity) -> Value { convert(activity, schema: APISchemas.activity) }

    package static func value(_ change: StatusChange) -> Value {
        .record(
            Record(
                [("executionId", .string(change.executionId)), ("status", .string(change.status.rawValue))],
                schema: APISchemas.statusChange))
    }

    static func convert(_ model: some Encodable, schema: Schema) -> Value {
        // The value JSON encoding and decoding would give, built directly (ValueEncoder).
        guard let decoded = try? ValueEncoder.encode(model) else { return .null }
        return shape(decoded, schema: schema, field: nil)
    }

    /// Applies schema order and nested schemas; converts time and duration fields.
    static func shape(_ value: Value, schema: Schema?, field: String?) -> Value {
        switch value {
        case .record(let record):
            // Schema fields first (in schema order), then the others in their own order.
            var pairs: [(key: String, value: Value)] = []
            pairs.reserveCapacity(record.count)
            var fromSchema = 0
            for key in schema?.fields ?? [] {
                guard let inner = record[key] else { continue }
                pairs.append((key, shape(inner, schema: schema?.nested[key], field: key)))
                fromSchema += 1
            }
            if fromSchema < record.count {
                for (key, inner) in record.pairs where !(schema?.knows(key) ?? false) {
                    pairs.append((key, shape(inner, schema: schema?.nested[key], field: key)))
                }
            }
            return .record(Record(distinctKeys: pairs, schema: schema))
        case .list(let items):
            return .list(items.map { shape($0, schema: schema, field: field) })
        case .string(let text) where field.map(APISchemas.timeFields.contains) ?? false:
            return RFC3339.parse(text).map { .time($0) } ?? value
        case .int(let n) where field.map(APISchemas.durationFields.contains) ?? false:
            return .duration(Double(n))
        case .float(let n) where field.map(APISchemas.durationFields.contains) ?? false:
            return .duration(n)
        default:
            return value
        }
    }

    /// A language value as JSON for a request body (`inputs={…}`).
    package static func json(_ value: Value) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let f): .double(f)
        case .string(let s): .string(s)
        case .time(let t): .string(RFC3339.format(t))
        case .duration(let d): .double(d)
        case .list(let items): .array(items.map(json))
        case .record(let record):
            .object(Dictionary(record.pairs.map { ($0.key, json($0.value)) }, uniquingKeysWith: { $1 }))
        case .closure, .stream: .string(value.literal)
        }
    }

    /// The execution id a pipeline item stands for: a string, or a record's `id` / `executionId`.
    package static func executionId(of item: Value) -> String? {
        switch item {
        case .string(let s): return s
        case .record(let record):
            return record["id"]?.stringValue ?? record["executionId"]?.stringValue
        default: return nil
        }
    }
}
