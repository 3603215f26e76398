import AstSyntax

extension Operators {
    /// `FROM..TO`: the integers from FROM to TO, both included, counting down when TO < FROM.
    static func integerRange(_ lhs: Value, _ rhs: Value, span: Span, source: SourceFile?) throws -> Value {
        guard case .int(let from) = lhs, case .int(let to) = rhs else {
            throw error(
                "a range needs integers on both sides, got \(describe(lhs)) (\(lhs.typeName)) and \(describe(rhs)) "
                    + "(\(rhs.typeName))",
                span, source, help: "e.g. 1..5, or 0..($n - 1)")
        }
        return .stream(.integers(from: from, to: to, step: to < from ? -1 : 1))
    }
}

extension ValueStream {
    /// FROM, FROM+STEP, … up to TO included (down to it for a negative STEP); lazy, stops before overflowing.
    package static func integers(from: Int, to: Int, step: Int) -> ValueStream {
        ValueStream {
            var next: Int? = from
            return ValueIterator {
                guard let current = next, step > 0 ? current <= to : current >= to else { return nil }
                let (following, overflow) = current.addingReportingOverflow(step)
                next = overflow ? nil : following
                return .int(current)
            }
        }
    }
}
