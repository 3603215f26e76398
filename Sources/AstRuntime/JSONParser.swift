import AstSyntax

/// A single-pass JSON reader over UTF-8 bytes, straight into values: strings without escapes are made
/// from the input bytes directly, plain integers are read without an intermediate `String`, and object
/// members are gathered on a shared stack so each record is built once at its final size.
struct JSONParser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Members of the objects being read (innermost last); reused across objects.
    private var members: [(String, Value)] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    var atEnd: Bool { i >= b.count }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(DiagnosticCode.runtime, "invalid JSON at byte \(i): \(message)")
    }

    @inline(__always) mutating func skipSpace() {
        while i < b.count {
            switch b[i] {
            case 32, 9, 10, 13: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < 256 else { throw error("nested too deeply") }
        guard i < b.count else { throw error("unexpected end") }
        switch b[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return .list(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < b.count else { throw error("unexpected end") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if b[i] == UInt8(ascii: "]") {
                    i += 1
                    return .list(items)
                }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try keyword("true", .bool(true))
        case UInt8(ascii: "f"): return try keyword("false", .bool(false))
        case UInt8(ascii: "n"): return try keyword("null", .null)
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws -> Value {
        i += 1
        let base = members.count
        defer { members.removeSubrange(base...) }
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
            return .record(Record())
        }
        while true {
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
            i += 1
            skipSpace()
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard i < b.count else { throw error("unexpected end") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b[i] == UInt8(ascii: "}") {
                i += 1
                return .record(Record(members[base...]))
            }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func number() throws -> Value {
        let start = i
        var plain = true  // only digits, after an optional leading '-'
        while i < b.count {
            let c = b[i]
            if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                i += 1
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "e")
                || c == UInt8(ascii: "E")
            {
                if !(c == UInt8(ascii: "-") && i == start) { plain = false }
                i += 1
            } else {
                break
            }
        }
        let negative = i > start && b[start] == UInt8(ascii: "-")
        let digits = i - start - (negative ? 1 : 0)
        if plain, digits > 0, digits <= 18 {
            var n = 0
            for k in (start + (negative ? 1 : 0))..<i { n = n &* 10 &+ Int(b[k] &- UInt8(ascii: "0")) }
            return .int(negative ? -n : n)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if let int = Int(text) { return .int(int) }
        if let double = Double(text) { return .float(double) }
        throw error("unexpected character")
    }

    private mutating func keyword(_ word: StaticString, _ value: Value) throws -> Value {
        let count = word.utf8CodeUnitCount
        guard i + count <= b.count else { throw error("unexpected word") }
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for k in 0..<count where b[i + k] != bytes[k] { throw error("unexpected word") }
        i += count
        return value
    }

    mutating func string() throws -> String {
        i += 1
        let start = i
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                defer { i += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") { break }
            i += 1
        }
        return try escapedString(prefix: start)
    }

    /// The slow path of `string()`: the text from `prefix` to `i` has no escapes; `i` is at a backslash
    /// (or the end of the input).
    private mutating func escapedString(prefix: Int) throws -> String {
        var out: [UInt8] = Array(b[prefix..<i])
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
                    guard i + 4 < b.count,
                        var code = UInt32(String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self), radix: 16)
                    else { throw error("bad \\u escape") }
                    i += 4
                    if (0xD800..<0xDC00).contains(code), i + 6 < b.count, b[i + 1] == UInt8(ascii: "\\"),
                        let low = UInt32(String(decoding: b[(i + 3)...(i + 6)], as: UTF8.self), radix: 16),
                        (0xDC00..<0xE000).contains(low)
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
