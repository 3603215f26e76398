import AsteroidModels
import Foundation

/// A UTF-8 byte buffer with `JSONEncoder`'s spelling (`.sortedKeys`, `.withoutEscapingSlashes`): the
/// primitives of `ExecutionJSONWriter` (members and nested values: `JSONBytes+Fields.swift`). Commas are
/// inserted by `key` and array elements.
struct JSONBytes {
    var bytes: [UInt8] = []
    /// True right after `{` or `[` (no comma before the next member).
    private var first = true

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }
    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func bool(_ flag: Bool) {
        bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
        first = false
    }
    mutating func int(_ number: Int) {
        bytes.append(contentsOf: String(number).utf8)
        first = false
    }
    mutating func date(_ date: Date) { string(RFC3339.format(date)) }

    /// The shortest round-trip form without a trailing `.0`, as `JSONEncoder` writes a `Double`.
    mutating func double(_ number: Double) {
        let text = number.description
        bytes.append(contentsOf: (text.hasSuffix(".0") ? String(text.dropLast(2)) : text).utf8)
        first = false
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null:
            bytes.append(contentsOf: Array("null".utf8))
            first = false
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let items): items.writeJSON(into: &self)
        case .object(let members): members.writeJSON(into: &self)
        }
    }
}
