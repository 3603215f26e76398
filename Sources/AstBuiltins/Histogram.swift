import AstRuntime
import Foundation

/// `histogram [FIELD] [--buckets N]`: how the values spread. Numbers and durations fall into about N
/// buckets of one round width, `{from, to, count}` (`to` excluded but for the last); other values are counted as they
/// are,
/// `{value, count}` in order of value. When the output is a terminal each row also carries a `bar` drawn
/// to scale, so the table reads as a bar chart; piped or saved, the rows are the data alone. Nulls are skipped.
struct HistogramCommand: Command {
    let signature = Signature(
        "histogram", "how values spread: counts per bucket or value, a bar chart at a terminal", category: "aggregates",
        positionals: [ParamSpec("field", .fieldOrClosure, "the field of each record (default: the items themselves)")],
        flags: [FlagSpec("buckets", value: .int, "about how many buckets for numbers and durations (default 10)")],
        examples: [
            Example(
                "[1, 2, 2, 9, 10] | histogram --buckets 2", "numbers in two buckets of a round width",
                result: "[{\"from\":0,\"to\":5,\"count\":3},{\"from\":5,\"to\":10,\"count\":2}]"),
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
            rows = try numeric(
                values.compactMap(\.doubleValue), buckets: buckets, durations: false, call: call, make: Self.number)
        } else if !values.isEmpty, values.allSatisfy({ if case .duration = $0 { true } else { false } }) {
            let seconds = values.compactMap { if case .duration(let d) = $0 { d } else { nil } }
            rows = try numeric(seconds, buckets: buckets, durations: true, call: call) { .duration($0) }
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

    /// Buckets of one round width (1, 2 or 5 × 10ⁿ; for durations 1s … 30s, 1m, 2m, 3m, 5m, 10m, 15m, 20m, 30m, 1h,
    /// 2h, 3h, 6h, 12h, 1d, 7d) starting at a multiple of it: about `buckets` of them, `to` excluded but for the last.
    private func numeric(_ numbers: [Double], buckets: Int, durations: Bool, call: Invocation, make: (Double) -> Value)
        throws -> [Record]
    {
        guard let low = numbers.min(), let high = numbers.max() else { return [] }
        guard low.isFinite, high.isFinite, (high - low).isFinite, Swift.abs(high) < 1e15, Swift.abs(low) < 1e15 else {
            throw call.error(
                "histogram needs values between -1e15 and 1e15, got \(Value.formatFloat(high > -low ? high : low))")
        }
        if high == low { return [Record([("from", make(low)), ("to", make(high)), ("count", .int(numbers.count))])] }
        let (step, exponent) = Self.roundWidth((high - low) / Double(buckets), durations: durations)
        // Edges are whole multiples of step × 10^exponent, computed so that 3 × 0.1 reads 0.3.
        let edge: (Double) -> Double = { multiple in
            exponent < 0 ? multiple * step / pow(10, Double(-exponent)) : multiple * step * pow(10, Double(exponent))
        }
        let width = edge(1)
        let first = (low / width).rounded(.down)
        let count = Swift.max(1, Int(((high - edge(first)) / width).rounded(.up)))
        var tally = Array(repeating: 0, count: count)
        for number in numbers {
            tally[Swift.min(Swift.max(Int((number - edge(first)) / width), 0), count - 1)] += 1
        }
        return tally.enumerated().map { slot, total in
            let from = edge(first + Double(slot))
            return Record([("from", make(from)), ("to", make(edge(first + Double(slot + 1)))), ("count", .int(total))])
        }
    }

    static let durationWidths: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800,
    ]

    /// The smallest round width at least `raw`, as step × 10^exponent.
    static func roundWidth(_ raw: Double, durations: Bool) -> (step: Double, exponent: Int) {
        if durations, raw >= 1, raw <= 604800, let width = durationWidths.first(where: { $0 >= raw }) {
            return (width, 0)
        }
        let exponent = Int(log10(raw).rounded(.down))
        let scale = pow(10, Double(exponent))
        return ([1, 2, 5].first { $0 * scale >= raw } ?? 10, exponent)
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
