import AstRuntime

/// Shared by `sum`, `avg`, `min`, `max`: the values of FIELD (or the items) of the input.
struct Aggregate: Command {
    enum Kind: String { case sum, avg, min, max }
    let kind: Kind

    var signature: Signature {
        let summaries: [Kind: String] = [
            .sum: "add up numbers or durations", .avg: "the mean of numbers or durations",
            .min: "the smallest item or field value", .max: "the largest item or field value",
        ]
        let examples: [Kind: Example] = [
            .sum: Example("[1, 2, 3] | sum", "total", result: "6"),
            .avg: Example("[{d: 1m}, {d: 3m}] | avg d", "mean of a duration field (seconds in JSON)", result: "120"),
            .min: Example("[3, 1, 2] | min", "smallest", result: "1"),
            .max: Example("[{n: 3}, {n: 7}] | max n", "largest field value", result: "7"),
        ]
        return Signature(
            kind.rawValue, summaries[kind] ?? "", category: "aggregates",
            positionals: [ParamSpec("field", .field, "aggregate this field of each record")],
            examples: examples[kind].map { [$0] } ?? [])
    }

    func run(_ call: Invocation) async throws -> Value {
        let field = call.positional(0)
        // Nulls (a running execution's duration) are skipped: the mean of what is known.
        var values: [Value] = []
        var positions: [Int] = []
        let iterator = call.items.makeIterator()
        var position = 0
        while let item = try await iterator.next() {
            let value = field != nil ? try await call.key(field ?? .null, of: item) : item
            if !value.isNull {
                values.append(value)
                positions.append(position)
            }
            position += 1
        }
        switch kind {
        case .min, .max:
            guard var best = values.first else { return .null }
            for (offset, value) in values.enumerated().dropFirst() {
                guard let order = value.compare(to: best) else {
                    throw call.error(
                        "\(kind.rawValue) cannot compare \(value.typeName) with \(best.typeName) "
                            + "(item \(positions[offset]))"
                    )
                }
                if (kind == .min && order == .orderedAscending) || (kind == .max && order == .orderedDescending) {
                    best = value
                }
            }
            return best
        case .sum, .avg:
            if values.isEmpty { return kind == .sum ? .int(0) : .null }
            var total = values[0]
            for (offset, value) in values.enumerated().dropFirst() {
                do {
                    total = try Operators.binary(.add, total, value, span: call.span, source: call.env.source)
                } catch var failure as RuntimeError {
                    failure.diagnostic.message += " (item \(positions[offset]))"
                    throw failure
                }
            }
            if case .string = total { throw call.error("\(kind.rawValue) needs numbers or durations, got strings") }
            if kind == .sum { return total }
            return try Operators.binary(
                .div, total, .float(Double(values.count)), span: call.span, source: call.env.source)
        }
    }
}
