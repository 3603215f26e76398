import AstTime
import Foundation

// How values read as text: defined here once.
extension Value {
    /// The plain text of a value: strings unquoted, everything else as `literal`.
    package var text: String {
        if case .string(let s) = self { return s }
        return literal
    }

    /// The value as it would be written (strings quoted; records and lists as JSON-like literals).
    package var literal: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let v): String(v)
        case .float(let v): Value.formatFloat(v)
        case .string(let s): JSONText.quote(s)
        case .time(let date): RFC3339.format(date)
        case .duration(let seconds): Value.formatDuration(seconds)
        case .list(let items): "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .record(let record):
            "{" + record.pairs.map { "\(Value.formatKey($0.key)): \($0.value.literal)" }.joined(separator: ", ") + "}"
        case .closure(let closure): closure.name.map { "<function \($0)>" } ?? "<closure>"
        case .stream: "<stream>"
        }
    }

    static func formatKey(_ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
            && !(key.first?.isNumber ?? false)
        return plain ? key : JSONText.quote(key)
    }

    package static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return String(value)
    }

    /// `1h30m`, `250ms`, `1.5s`, `2d`, `0s`; negative durations keep their sign.
    package static func formatDuration(_ seconds: Double) -> String {
        if seconds < 0 { return "-" + formatDuration(-seconds) }
        if seconds == 0 { return "0s" }
        if !seconds.isFinite || seconds >= 1e15 { return String(format: "%gs", seconds) }
        if seconds < 1 { return formatTrimmed(seconds * 1000) + "ms" }
        var rest = seconds
        var out = ""
        for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where rest >= size {
            let count = (rest / size).rounded(.down)
            out += "\(Int(count))\(unit)"
            rest -= count * size
        }
        if rest > 0.0005 { out += formatTrimmed(rest) + "s" }
        return out
    }

    static func formatTrimmed(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
