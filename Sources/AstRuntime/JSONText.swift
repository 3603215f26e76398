import AstSyntax
import Foundation

/// JSON in and out, keeping record key order. Times are RFC 3339 strings, durations are seconds.
package enum JSONText {
    package static func quote(_ s: String) -> String {
        var out = "\""
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
        return out + "\""
    }

    /// Compact JSON (one line), or indented with `pretty`.
    package static func encode(_ value: Value, pretty: Bool = false, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .float(let v): return v.isFinite ? (v == v.rounded() && abs(v) < 1e15 ? String(format: "%.1f", v) : String(v)) : "null"
        case .string(let s): return quote(s)
        case .time(let date): return quote(TimeFormat.rfc3339(date))
        case .duration(let seconds):
            return seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
        case .list(let items):
            if items.isEmpty { return "[]" }
            if !pretty { return "[" + items.map { encode($0) }.joined(separator: ",") + "]" }
            return "[\n" + items.map { inner + encode($0, pretty: true, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .record(let record):
            if record.isEmpty { return "{}" }
            if !pretty { return "{" + record.pairs.map { quote($0.key) + ":" + encode($0.value) }.joined(separator: ",") + "}" }
            return "{\n" + record.pairs.map { inner + quote($0.key) + ": " + encode($0.value, pretty: true, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        case .closure, .stream: return quote(value.literal)
        }
    }

    /// Parses JSON text into values (objects keep their key order).
    package static func decode(_ text: String) throws -> Value {
        var parser = JSONParser(Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.atEnd else { throw parser.error("unexpected text after the JSON value") }
        return value
    }
}

struct JSONParser {
    let b: [UInt8]
    var i = 0
    init(_ bytes: [UInt8]) { b = bytes }

    var atEnd: Bool { i >= b.count }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(DiagnosticCode.runtime, "invalid JSON at byte \(i): \(message)")
    }

    mutating func skipSpace() {
        while i < b.count, [32, 9, 10, 13].contains(b[i]) { i += 1 }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < 256 else { throw error("nested too deeply") }
        guard i < b.count else { throw error("unexpected end") }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var record = Record()
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .record(record) }
            while true {
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let key = try string()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                record[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw error("unexpected end") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .record(record) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < b.count else { throw error("unexpected end") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try keyword("true", .bool(true))
        case UInt8(ascii: "f"): return try keyword("false", .bool(false))
        case UInt8(ascii: "n"): return try keyword("null", .null)
        default:
            let start = i
            while i < b.count, "+-0123456789.eE".utf8.contains(b[i]) { i += 1 }
            let text = String(decoding: b[start..<i], as: UTF8.self)
            if let int = Int(text) { return .int(int) }
            if let double = Double(text) { return .float(double) }
            throw error("unexpected character")
        }
    }

    mutating func keyword(_ word: String, _ value: Value) throws -> Value {
        let bytes = Array(word.utf8)
        guard i + bytes.count <= b.count, Array(b[i..<(i + bytes.count)]) == bytes else { throw error("unexpected word") }
        i += bytes.count
        return value
    }

    mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < b.count, b[i] != UInt8(ascii: "\"") {
            if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                i += 1
                switch b[i] {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard i + 4 < b.count, var code = UInt32(String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self), radix: 16)
                    else { throw error("bad \\u escape") }
                    i += 4
                    if (0xD800..<0xDC00).contains(code), i + 6 < b.count, b[i + 1] == UInt8(ascii: "\\"),
                        let low = UInt32(String(decoding: b[(i + 3)...(i + 6)], as: UTF8.self), radix: 16)
                    {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "?")).utf8))
                default: out.append(b[i])
                }
                i += 1
            } else {
                out.append(b[i])
                i += 1
            }
        }
        guard i < b.count else { throw error("unterminated string") }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }
}
