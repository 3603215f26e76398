import AstRuntime
import Foundation

/// `percentile N [FIELD]`, `p50`, `p90`, `p95`, `p99`: the value below which N% of the values lie, by
/// nearest rank (always one of the values: an int stays an int, a duration a duration). Nulls are skipped.
struct PercentileCommand: Command {
    /// nil: `percentile N`; otherwise the fixed percentile of `pN`.
    let fixed: Int?

    var signature: Signature {
        let field = ParamSpec("field", .field, "the field of each record (default: the items themselves)")
        guard let fixed else {
            return Signature(
                "percentile", "the Nth percentile of numbers or durations (nearest rank)", category: "aggregates",
                positionals: [ParamSpec("n", .number, "the percentile, 0 to 100", required: true), field],
                examples: [
                    Example("range 1 100 | percentile 90", "90% of the values are at most this", result: "90"),
                    Example(
                        "[{d: 1m}, {d: null}, {d: 5m}, {d: 2m}] | percentile 50 d",
                        "a duration field (seconds in JSON)",
                        result: "120"),
                ])
        }
        return Signature(
            "p\(fixed)", "the \(fixed)th percentile (nearest rank); percentile \(fixed)", category: "aggregates",
            positionals: [field],
            examples: [Example("[5, 1, 4, 2, 3] | p\(fixed)", "of numbers", result: fixed >= 90 ? "5" : "3")])
    }

    func run(_ call: Invocation) async throws -> Value {
        let percent: Double
        let field: Value?
        if let fixed {
            percent = Double(fixed)
            field = call.positional(0)
        } else {
            percent = call.positional(0)?.doubleValue ?? 0
            field = call.positional(1)
            guard (0...100).contains(percent) else {
                throw call.error("percentile needs N from 0 to 100, got \(Value.formatFloat(percent))", argument: "n")
            }
        }
        var values: [Value] = []
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let value = field != nil ? try await call.key(field ?? .null, of: item).materialized() : item
            switch value {
            case .null: continue
            case .int, .float, .duration: values.append(value)
            default:
                throw call.error(
                    "\(signature.name) needs numbers or durations, got \(value.typeName) \(label(of: value))")
            }
        }
        guard !values.isEmpty else { return .null }
        let kinds = Set(values.map { if case .duration = $0 { "duration" } else { "number" } })
        guard kinds.count == 1 else { throw call.error("\(signature.name) cannot mix numbers and durations") }
        values.sort { ($0.compare(to: $1) ?? .orderedSame) == .orderedAscending }
        let rank = Swift.max(1, Int((percent / 100 * Double(values.count)).rounded(.up)))
        return values[Swift.min(rank, values.count) - 1]
    }
}
