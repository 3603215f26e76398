import Foundation

/// A strict, single-pass JSON reader into `JSONValue`, for the hot read paths (`FastDecoding`). It only
/// accepts what it can read exactly as `JSONDecoder` would; anything it is unsure of (an integral number
/// written with a fraction or exponent, an integer out of range, `-0`, a duplicate key, a lone
/// surrogate) is a `FastJSON.Miss`, and the caller decodes the same bytes with `JSONDecoder` instead,
/// which then gives the value or the error it always gave.
struct FastJSON {
    struct Miss: Error {}

    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    static func parse(_ data: Data) throws(Miss) -> JSONValue {
        let result: JSONValue? = data.withUnsafeBytes { raw in
            var reader = FastJSON(b: raw.bindMemory(to: UInt8.self))
            return try? reader.document()
        }
        guard let result else { throw Miss() }
        return result
    }

    mutating func document() throws(Miss) -> JSONValue {
        space()
        let value = try value(depth: 0)
        space()
        guard i == b.count else { throw Miss() }
        return value
    }

    mutating func space() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func value(depth: Int) throws(Miss) -> JSONValue {
        guard depth < 128, i < b.count else { throw Miss() }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: JSONValue] = [:]
            space()
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            }
            while true {
                space()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Miss() }
                let key = try string()
                space()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Miss() }
                i += 1
                space()
                guard members.updateValue(try value(depth: depth + 1), forKey: key) == nil else { throw Miss() }
                space()
                guard i < b.count else { throw Miss() }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard b[i] == UInt8(ascii: "}") else { throw Miss() }
                i += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            space()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                space()
                items.append(try value(depth: depth + 1))
                space()
                guard i < b.count else { throw Miss() }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard b[i] == UInt8(ascii: "]") else { throw Miss() }
                i += 1
                return .array(items)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        default: return try number()
        }
    }

    mutating func word(_ text: StaticString, _ value: JSONValue) throws(Miss) -> JSONValue {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { throw Miss() }
        for k in 0..<n where b[i + k] != text.utf8Start[k] { throw Miss() }
        i += n
        return value
    }

    /// JSON number grammar, exactly; plain integers in `Int` range become `.int`, numbers with a fraction
    /// or exponent become `.double` unless integral (`JSONValue` reads those as ints: a miss).
    mutating func number() throws(Miss) -> JSONValue {
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw Miss() }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, b[i] >= 0x30, b[i] <= 0x39 { throw Miss() }  // leading zero
        } else {
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        var integral = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            let digits = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > digits else { throw Miss() }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let digits = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > digits else { throw Miss() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if integral {
            guard text != "-0", let value = Int(text) else { throw Miss() }
            return .int(value)
        }
        guard let value = Double(text), value.isFinite, value != value.rounded() else { throw Miss() }
        return .double(value)
    }

    /// A string; escape-free runs are copied straight from the input.
    mutating func string() throws(Miss) -> String {
        i += 1
        let start = i
        while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\") {
            guard b[i] >= 0x20 else { throw Miss() }
            i += 1
        }
        guard i < b.count else { throw Miss() }
        if b[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return try utf8(start, i)
        }
        var out = try utf8(start, i)
        while true {
            guard i < b.count else { throw Miss() }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return out
            }
            if c != UInt8(ascii: "\\") {
                let run = i
                while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\") {
                    guard b[i] >= 0x20 else { throw Miss() }
                    i += 1
                }
                out += try utf8(run, i)
                continue
            }
            i += 1
            guard i < b.count else { throw Miss() }
            switch b[i] {
            case UInt8(ascii: "\""): out += "\""
            case UInt8(ascii: "\\"): out += "\\"
            case UInt8(ascii: "/"): out += "/"
            case UInt8(ascii: "b"): out += "\u{08}"
            case UInt8(ascii: "f"): out += "\u{0C}"
            case UInt8(ascii: "n"): out += "\n"
            case UInt8(ascii: "r"): out += "\r"
            case UInt8(ascii: "t"): out += "\t"
            case UInt8(ascii: "u"):
                let unit = try hex4(i + 1)
                i += 4
                // Only scalars outside the surrogate range; pairs and lone halves go to JSONDecoder.
                guard !(0xD800...0xDFFF).contains(unit), let scalar = Unicode.Scalar(unit) else { throw Miss() }
                out.unicodeScalars.append(scalar)
            default: throw Miss()
            }
            i += 1
        }
    }

    func hex4(_ at: Int) throws(Miss) -> UInt32 {
        guard at + 4 <= b.count else { throw Miss() }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: throw Miss()
            }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    /// Bytes as a string; invalid UTF-8 (which `JSONDecoder` rejects) is a miss.
    func utf8(_ from: Int, _ to: Int) throws(Miss) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[from..<to])
        guard let text = String(validating: slice, as: UTF8.self) else { throw Miss() }
        return text
    }
}
