import AstRuntime
import Foundation

/// `round [DIGITS]`, `floor`, `ceil`, `abs`: a number (or each number of a list) rounded or made positive.
/// Durations round to whole seconds (or DIGITS places of a second); nulls stay null.
struct MathCommand: Command {
    enum Kind: String { case round, floor, ceil, abs }
    let kind: Kind

    var signature: Signature {
        switch kind {
        case .round:
            return Signature(
                "round", "a number rounded to the nearest integer, or to DIGITS decimal places", category: "math",
                positionals: [ParamSpec("digits", .int, "decimal places to keep (default 0: an integer)")],
                examples: [
                    Example("2.5 | round", "halves round away from zero", result: "3"),
                    Example("3.14159 | round 2", "two decimal places", result: "3.14"),
                    Example(
                        "[1.4, null, 90.6s] | round", "each item; a duration to whole seconds", result: "[1,null,91]"),
                ])
        case .floor:
            return Signature(
                "floor", "a number rounded down to an integer", category: "math",
                examples: [
                    Example("-1.5 | floor", "towards minus infinity", result: "-2")
                ])
        case .ceil:
            return Signature(
                "ceil", "a number rounded up to an integer", category: "math",
                examples: [
                    Example("1.2 | ceil", "towards plus infinity", result: "2")
                ])
        case .abs:
            return Signature(
                "abs", "the absolute value of a number or duration", category: "math",
                examples: [
                    Example("[-3, 2.5, -1m] | abs", "each item", result: "[3,2.5,60]")
                ])
        }
    }

    func run(_ call: Invocation) async throws -> Value {
        let digits = call.int(0) ?? 0
        guard (0...15).contains(digits) else {
            throw call.error("round keeps 0 to 15 decimal places, got \(digits)", argument: "digits")
        }
        return try await call.mapEach { value in
            switch value {
            case .null: return .null
            case .int(let number):
                guard kind == .abs else { return value }
                guard number != .min else { throw call.error("abs: \(number) has no positive integer; use a float") }
                return .int(Swift.abs(number))
            case .float(let number):
                return try self.whole(apply(number, digits: digits), keepFloat: kind == .abs || digits > 0, call: call)
            case .duration(let seconds):
                return .duration(apply(seconds, digits: digits))
            default:
                throw call.error(
                    "\(kind.rawValue) needs numbers or durations, got \(value.typeName) \(label(of: value))")
            }
        }
    }

    private func apply(_ number: Double, digits: Int) -> Double {
        switch kind {
        case .round:
            let scale = pow(10, Double(digits))
            return (number * scale).rounded(.toNearestOrAwayFromZero) / scale
        case .floor: return number.rounded(.down)
        case .ceil: return number.rounded(.up)
        case .abs: return Swift.abs(number)
        }
    }

    /// A rounded float as an integer (floats too large for one stay floats: they have no fraction anyway).
    private func whole(_ number: Double, keepFloat: Bool, call: Invocation) throws -> Value {
        if keepFloat || !number.isFinite || Swift.abs(number) >= 9e18 { return .float(number) }
        return .int(Int(number))
    }
}
