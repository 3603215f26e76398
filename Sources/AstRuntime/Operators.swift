import AstSyntax
import Foundation

/// Arithmetic, comparison, matching and membership.
package enum Operators {
    static func error(
        _ message: String, _ span: Span, _ source: SourceFile?, help: String? = nil,
        code: String = DiagnosticCode.typeMismatch
    ) -> RuntimeError {
        RuntimeError(Diagnostic(code, message, span: span, help: help, source: source))
    }

    package static func unary(_ op: UnaryOp, _ value: Value, span: Span, source: SourceFile?) throws -> Value {
        switch (op, value) {
        case (.not, _): return .bool(!value.isTruthy)
        case (.negate, .int(let i)):
            guard i != Int.min else {
                throw error(
                    "integer overflow: -(\(i)) is larger than the largest integer", span, source,
                    help: Operators.integerRange, code: DiagnosticCode.runtime)
            }
            return .int(-i)
        case (.negate, .float(let f)): return .float(-f)
        case (.negate, .duration(let d)): return .duration(-d)
        default: throw error("cannot negate \(value.typeName)", span, source)
        }
    }

    package static func binary(_ op: BinaryOp, _ lhs: Value, _ rhs: Value, span: Span, source: SourceFile?) throws
        -> Value
    {
        switch op {
        case .eq: return .bool(lhs.isEqual(to: rhs))
        case .ne: return .bool(!lhs.isEqual(to: rhs))
        case .lt, .le, .gt, .ge:
            // An absent value is neither larger nor smaller than anything: `.duration > 5m` is false for
            // an execution still running (no duration), as in SQL. Only a real type mismatch is an error.
            if lhs.isNull || rhs.isNull { return .bool(false) }
            guard let order = lhs.compare(to: rhs) else {
                throw error("cannot compare \(lhs.typeName) with \(rhs.typeName) using '\(op.rawValue)'", span, source)
            }
            switch op {
            case .lt: return .bool(order == .orderedAscending)
            case .le: return .bool(order != .orderedDescending)
            case .gt: return .bool(order == .orderedDescending)
            default: return .bool(order != .orderedAscending)
            }
        case .match, .notMatch:
            guard case .string(let pattern) = rhs else {
                throw error("the right side of '\(op.rawValue)' must be a regex string", span, source)
            }
            let subject: String
            switch lhs {
            case .string(let s): subject = s
            case .null: return .bool(op == .notMatch)
            default: subject = lhs.text
            }
            let regex: LinearRegex
            do { regex = try LinearRegex.compiled(pattern) } catch {
                throw Operators.error(
                    "invalid regular expression \(JSONText.quote(pattern)): \(error.message)", span, source)
            }
            return .bool(try regex.firstMatchExists(in: subject) == (op == .match))
        case .in:
            switch rhs {
            case .list(let items): return .bool(items.contains { $0.isEqual(to: lhs) })
            case .string(let s):
                guard case .string(let needle) = lhs else {
                    throw error("'in' a string needs a string on the left", span, source)
                }
                return .bool(s.contains(needle))
            case .record(let record):
                guard case .string(let key) = lhs else {
                    throw error("'in' a record needs a key string on the left", span, source)
                }
                return .bool(record[key] != nil)
            default: throw error("cannot test membership in \(rhs.typeName)", span, source)
            }
        case .add, .sub, .mul, .div, .mod:
            let result = try arithmetic(op, lhs, rhs, span: span, source: source)
            try checkRange(result, op, lhs, rhs, span: span, source: source)
            return result
        case .range:
            return try integerRange(lhs, rhs, span: span, source: source)
        case .and, .or, .coalesce:
            return .null  // handled by the evaluator (short-circuit)
        }
    }

    static func arithmetic(_ op: BinaryOp, _ lhs: Value, _ rhs: Value, span: Span, source: SourceFile?) throws -> Value
    {
        let fail = { error("cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)", span, source) }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            switch op {
            case .add, .sub, .mul:
                let (result, overflow) =
                    op == .add
                    ? a.addingReportingOverflow(b)
                    : op == .sub ? a.subtractingReportingOverflow(b) : a.multipliedReportingOverflow(by: b)
                if overflow { throw overflowError(op, lhs, rhs, span, source) }
                return .int(result)
            default:
                guard b != 0 else { throw error("division by zero", span, source, code: DiagnosticCode.runtime) }
                // Int.min / -1 and Int.min % -1 trap in Swift: the remainder is 0, the quotient overflows.
                let (remainder, _) = a.remainderReportingOverflow(dividingBy: b)
                if op == .mod { return .int(remainder) }
                guard remainder == 0 else { return .float(Double(a) / Double(b)) }
                let (quotient, overflow) = a.dividedReportingOverflow(by: b)
                if overflow { throw overflowError(op, lhs, rhs, span, source) }
                return .int(quotient)
            }
        case (.int, .float), (.float, .int), (.float, .float):
            guard let a = lhs.doubleValue, let b = rhs.doubleValue else { throw fail() }
            switch op {
            case .add: return .float(a + b)
            case .sub: return .float(a - b)
            case .mul: return .float(a * b)
            case .div:
                guard b != 0 else { throw error("division by zero", span, source, code: DiagnosticCode.runtime) }
                return .float(a / b)
            default:
                guard b != 0 else { throw error("division by zero", span, source, code: DiagnosticCode.runtime) }
                return .float(a.truncatingRemainder(dividingBy: b))
            }
        case (.string(let a), .string(let b)) where op == .add: return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add: return .list(a + b)
        case (.record(var a), .record(let b)) where op == .add:
            for (key, value) in b.pairs { a[key] = value }
            return .record(a)
        case (.time(let t), .duration(let d)) where op == .add: return .time(t.addingTimeInterval(d))
        case (.duration(let d), .time(let t)) where op == .add: return .time(t.addingTimeInterval(d))
        case (.time(let t), .duration(let d)) where op == .sub: return .time(t.addingTimeInterval(-d))
        case (.time(let a), .time(let b)) where op == .sub: return .duration(a.timeIntervalSince(b))
        case (.duration(let a), .duration(let b)):
            switch op {
            case .add: return .duration(a + b)
            case .sub: return .duration(a - b)
            case .div:
                guard b != 0 else { throw error("division by zero", span, source, code: DiagnosticCode.runtime) }
                return .float(a / b)
            default: throw fail()
            }
        case (.duration(let d), .int), (.duration(let d), .float):
            guard let n = rhs.doubleValue else { throw fail() }
            if op == .mul { return .duration(d * n) }
            if op == .div {
                guard n != 0 else { throw error("division by zero", span, source, code: DiagnosticCode.runtime) }
                return .duration(d / n)
            }
            throw fail()
        case (.int, .duration(let d)), (.float, .duration(let d)):
            guard op == .mul else { throw fail() }
            return .duration(d * (lhs.doubleValue ?? 0))
        default:
            throw fail()
        }
    }
}
