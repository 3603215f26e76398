import AstSyntax
import AstTime
import Foundation

/// JSON in and out, keeping record key order. Times are RFC 3339 strings, durations are seconds.
package enum JSONText {
    package static func quote(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends `s` as a JSON string; most strings need no escape and are copied whole.
    static func appendQuoted(_ s: String, to out: inout String) {
        out.append("\"")
        if !s.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            out.append(s)
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Compact JSON (one line), or indented with `pretty`.
    package static func encode(_ value: Value, pretty: Bool = false, indent: String = "") -> String {
        if !pretty {
            var out = ""
            out.reserveCapacity(256)
            appendCompact(value, to: &out)
            return out
        }
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .float(let v):
            return v.isFinite ? (v == v.rounded() && abs(v) < 1e15 ? String(format: "%.1f", v) : String(v)) : "null"
        case .string(let s): return quote(s)
        case .time(let date): return quote(RFC3339.format(date))
        case .duration(let seconds):
            return seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
        case .list(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { encode($0) }.joined(separator: ",") + "]" }
            return "[\n" + items.map { inner + encode($0, pretty: true, indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)]"
        case .record(let record):
            if record.isEmpty { return "{}" }
            if !pretty {
                return "{" + record.pairs.map { quote($0.key) + ":" + encode($0.value) }.joined(separator: ",") + "}"
            }
            return "{\n"
                + record.pairs.map { inner + quote($0.key) + ": " + encode($0.value, pretty: true, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        case .closure, .stream: return quote(value.literal)
        }
    }

    /// Compact JSON appended to one buffer (output of every record goes through here).
    static func appendCompact(_ value: Value, to out: inout String) {
        switch value {
        case .list(let items):
            out.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(",") }
                appendCompact(item, to: &out)
            }
            out.append("]")
        case .record(let record):
            out.append("{")
            var first = true
            for (key, inner) in record.pairs {
                if !first { out.append(",") }
                first = false
                appendQuoted(key, to: &out)
                out.append(":")
                appendCompact(inner, to: &out)
            }
            out.append("}")
        case .string(let s): appendQuoted(s, to: &out)
        case .time(let date):
            out.append("\"")
            out.append(RFC3339.format(date))
            out.append("\"")
        default:
            // A scalar reads the same compact or pretty; the pretty path spells it (the compact one comes here).
            out.append(encode(value, pretty: true))
        }
    }

    /// Parses JSON text into values (objects keep their key order).
    package static func decode(_ text: String) throws -> Value {
        var text = text
        return try text.withUTF8 { try decode(bytes: $0) }
    }

    /// Parses JSON bytes (UTF-8) into values, without first making a `String` of the whole input.
    package static func decode(bytes: UnsafeBufferPointer<UInt8>) throws -> Value {
        var parser = JSONParser(bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.atEnd else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// Parses a file's JSON content.
    package static func decode(data: Data) throws -> Value {
        try data.withUnsafeBytes { raw in try decode(bytes: raw.bindMemory(to: UInt8.self)) }
    }
}
