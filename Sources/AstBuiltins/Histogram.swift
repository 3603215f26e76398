import AstRuntime
import Foundation

/// `histogram [FIELD] [--buckets N]`: how the values spread. Numbers and durations fall into N equal
/// buckets `{from, to, count}` (`to` excluded but for the last); other values are counted as they are,
/// `{value, count}` in order of value. When the output is a terminal each row also carries a `bar` drawn
/// to scale, so the table reads as a bar chart; piped or saved, the rows are the data alone. Nulls are skipped.
struct HistogramCommand: Command {
    let signature = Signature(
        "histogram", "how values spread: counts per bucket or value, a bar chart at a terminal", category: "aggregates",
        positionals: [ParamSpec("field", .fieldOrClosure, "the field of each record (default: the items themselves)")],
        flags: [FlagSpec("buckets", value: .int, "how many buckets for numbers and durations (default 10)")],
        examples: [
            Example(
                "[1, 2, 2, 9, 10] | histogram --buckets 2", "numbers in two buckets",
                result: "[{\"from\":1,\"to\":5.5,\"count\":3},{\"from\":5.5,\"to\":10,\"count\":2}]"),
            Example(
                "[{s: \"b\"}, {s: \"a\"}, {s: \"b\"}] | histogram s", "values counted, in order",
                result: "[{\"value\":\"a\",\"count\":1},{\"value\":\"b\",\"count\":2}]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let buckets = call.flags["buckets"]?.intValue ?? 10
        guard (1...1000).contains(buckets) else {
            throw call.error("histogram needs 1 to 1000 buckets, got \(buckets)", argument: "buckets")
        }
        let field = call.positional(0)
        var values: [Value] = []
        let iterator = call.items.makeIterator()
        while let item = try await iterator.next() {
            let value = field != nil ? try await call.key(field ?? .null, of: item).materialized() : item
            if !value.isNull { values.append(value) }
        }
        var rows: [Record]
        if !values.isEmpty, values.allSatisfy({ $0.doubleValue != nil }) {
            rows = numeric(values.compactMap(\.doubleValue), buckets: buckets, make: Self.number)
        } else if !values.isEmpty, values.allSatisfy({ if case .duration = $0 { true } else { false } }) {
            rows = numeric(values.compactMap { if case .duration(let d) = $0 { d } else { nil } }, buckets: buckets) {
                .duration($0)
            }
        } else {
            var index = ValueIndex()
            var counted: [(value: Value, count: Int)] = []
            for value in values {
                let (position, isNew) = index.position(of: value)
                if isNew { counted.append((value, 0)) }
                counted[position].count += 1
            }
            counted.sort { $0.value.sortsBefore($1.value) }
            rows = counted.map { Record([("value", $0.value), ("count", .int($0.count))]) }
        }
        if call.interpreter.settings.terminalOutput { rows = Self.drawBars(rows) }
        return .list(rows.map { .record($0) })
    }

    private static func number(_ value: Double) -> Value {
        value == value.rounded() && Swift.abs(value) < 9e15 ? .int(Int(value)) : .float(value)
    }

    private func numeric(_ numbers: [Double], buckets: Int, make: (Double) -> Value) -> [Record] {
        guard let low = numbers.min(), let high = numbers.max() else { return [] }
        let count = high > low ? buckets : 1
        let width = high > low ? (high - low) / Double(count) : 0
        var tally = Array(repeating: 0, count: count)
        for number in numbers {
            let slot = width > 0 ? Int((number - low) / width) : 0
            tally[Swift.min(Swift.max(slot, 0), count - 1)] += 1
        }
        return tally.enumerated().map { slot, total in
            let from = low + Double(slot) * width
            let to = slot == count - 1 ? high : low + Double(slot + 1) * width
            return Record([("from", make(from)), ("to", make(to)), ("count", .int(total))])
        }
    }

    /// Each row with a `bar` of block characters, the longest 40 wide.
    static func drawBars(_ rows: [Record]) -> [Record] {
        let most = rows.compactMap { $0["count"]?.intValue }.max() ?? 0
        guard most > 0 else { return rows }
        return rows.map { row in
            var row = row
            let share = Double(row["count"]?.intValue ?? 0) / Double(most)
            let eighths = Int((share * 40 * 8).rounded())
            let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
            row["bar"] = .string(String(repeating: "█", count: eighths / 8) + partial)
            return row
        }
    }
}
