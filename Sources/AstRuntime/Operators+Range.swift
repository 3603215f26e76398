import AstSyntax
import AstTime
import Foundation

// Checked arithmetic: an integer that overflows, a duration that is no longer finite, or a time outside the
// years 1–9999 is a runtime error naming the operation and its values, never a trap further on (formatting a
// time of year 10^12 used to crash).
extension Operators {
    static let integerRange =
        "integers range from -9223372036854775808 to 9223372036854775807; use a float (1.0 * x) for larger values"

    /// The earliest and latest times a value may hold, those RFC 3339 can write:
    /// 0000-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z.
    package static let timeRange: ClosedRange<Double> = RFC3339.range

    static func overflowError(_ op: BinaryOp, _ lhs: Value, _ rhs: Value, _ span: Span, _ source: SourceFile?)
        -> RuntimeError
    {
        error(
            "integer overflow: \(lhs.literal) \(op.rawValue) \(rhs.literal) is out of range", span, source,
            help: integerRange, code: DiagnosticCode.runtime)
    }

    /// Throws when an arithmetic result is a duration or time no value may hold.
    static func checkRange(_ result: Value, _ op: BinaryOp, _ lhs: Value, _ rhs: Value, span: Span, source: SourceFile?)
        throws
    {
        switch result {
        case .duration(let d) where !d.isFinite:
            throw error(
                "duration overflow: \(describe(lhs)) \(op.rawValue) \(describe(rhs)) is not a finite duration",
                span, source, code: DiagnosticCode.runtime)
        case .time(let t) where !timeRange.contains(t.timeIntervalSince1970):
            throw error(
                "time out of range: \(describe(lhs)) \(op.rawValue) \(describe(rhs)) is outside the years 0 to 9999",
                span, source, help: "times run from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                code: DiagnosticCode.runtime)
        default:
            return
        }
    }

    /// A value as written, for messages (times and durations are always in range here, so formatting is safe).
    static func describe(_ value: Value) -> String {
        switch value {
        case .time(let t) where !timeRange.contains(t.timeIntervalSince1970): "a time out of range"
        default: value.literal
        }
    }
}
