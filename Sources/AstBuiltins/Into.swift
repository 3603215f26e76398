import AstRuntime
import AstSyntax
import Foundation

/// `into TYPE`: converts the input (each item of a list) to int, float, string, bool, time or duration.
struct IntoCommand: Command {
    static let types = ["int", "float", "string", "bool", "time", "duration"]

    let signature = Signature(
        "into", "convert to int, float, string, bool, time or duration", category: "conversions",
        positionals: [ParamSpec("type", .string, "the type to convert to", required: true, choices: IntoCommand.types)],
        examples: [
            Example("\"42\" | into int", "text to a number", result: "42"),
            Example("[\"1.5\", 2] | into float", "each item", result: "[1.5,2.0]"),
            Example("1.50 | into string", "a number as text", result: "\"1.5\""),
            Example("\"yes\" | into bool", "yes/no, true/false, 1/0", result: "true"),
            Example(
                "\"2026-12-01T10:00\" | into time | local tz=UTC", "a local wall time",
                result: "\"2026-12-01 10:00:00 UTC\""),
            Example("\"1h30m\" | into duration", "text to a duration (seconds in JSON)", result: "5400"),
            Example("90 | into duration", "seconds to a duration", result: "90"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let type = call.positional(0)?.text ?? "string"
        let now = call.now
        return try await call.eachValue { index, value in
            if value.isNull { return .null }
            guard let converted = Self.convert(value, to: type, now: now) else {
                let position = call.input.isSequence ? " (item \(index))" : ""
                throw call.error(
                    "cannot convert \(value.typeName) \(value.literal.prefix(60)) into \(type)\(position)",
                    help: Self.help[type], code: DiagnosticCode.typeMismatch)
            }
            return converted
        }
    }

    static let help: [String: String] = [
        "int": "an int from digits (\"42\"), a float, a bool, a duration (seconds) or a time (seconds since 1970)",
        "float": "a float from a number's text, an int, a duration (seconds) or a time (seconds since 1970)",
        "bool": "true/false, yes/no, 1/0",
        "time": LocalTime.forms.replacingOccurrences(of: ", or a duration (24h)", with: "") + ", or seconds since 1970",
        "duration": "90s, 15m, 1h30m, 2d, or a number of seconds",
    ]

    static func convert(_ value: Value, to type: String, now: Date) -> Value? {
        switch (type, value) {
        case ("string", _): return .string(value.text)
        case ("int", .int), ("float", .float), ("bool", .bool), ("time", .time), ("duration", .duration): return value
        case ("int", .float(let f)): return f.isFinite && abs(f) < 9e18 ? .int(Int(f.rounded(.towardZero))) : nil
        case ("int", .bool(let b)): return .int(b ? 1 : 0)
        case ("int", .duration(let d)): return d.isFinite && abs(d) < 9e18 ? .int(Int(d.rounded(.towardZero))) : nil
        case ("int", .time(let t)): return .int(Int(t.timeIntervalSince1970.rounded(.down)))
        case ("int", .string(let s)):
            let text = s.trimmingCharacters(in: .whitespaces)
            if let i = Int(text) { return .int(i) }
            if let d = Double(text), d == d.rounded(), abs(d) < 9e18 { return .int(Int(d)) }
            return nil
        case ("float", .int(let i)): return .float(Double(i))
        case ("float", .duration(let d)): return .float(d)
        case ("float", .time(let t)): return .float(t.timeIntervalSince1970)
        case ("float", .string(let s)): return Double(s.trimmingCharacters(in: .whitespaces)).map { .float($0) }
        case ("bool", .int(let i)) where i == 0 || i == 1: return .bool(i == 1)
        case ("bool", .string(let s)):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "1": return .bool(true)
            case "false", "no", "0": return .bool(false)
            default: return nil
            }
        case ("time", .string(let s)):
            if case .time(let date)? = LocalTime.parse(s, now: now) { return .time(date) }
            return nil
        case ("time", .int), ("time", .float):
            return value.doubleValue.map { .time(Date(timeIntervalSince1970: $0)) }
        case ("duration", .int), ("duration", .float): return value.doubleValue.map { .duration($0) }
        case ("duration", .string(let s)):
            if case .duration(let seconds)? = LocalTime.parse(s, now: now) { return .duration(seconds) }
            return Double(s.trimmingCharacters(in: .whitespaces)).map { .duration($0) }
        default: return nil
        }
    }
}
