import AstRuntime
import AsteroidModels
import Foundation

/// Encodes a wire model straight into a language value: the same value as encoding it with
/// `AsteroidJSON.makeEncoder()` and reading the JSON text back (keys sorted, dates as RFC 3339 strings,
/// integral doubles as ints), without writing and re-reading text. `list` converts every execution of
/// every page, so this is on the hot path.
enum ValueEncoder {
    static func encode(_ model: some Encodable) throws -> Value {
        let root = ValueBox()
        try ValueEncoding.encode(model, into: root, codingPath: [])
        return root.value
    }
}

/// A node of the value being built; containers fill it in place.
final class ValueBox {
    enum Kind { case scalar, object, array }

    var kind = Kind.scalar
    var scalar: Value = .null
    var members: [String: ValueBox] = [:]
    var items: [ValueBox] = []

    func set(_ value: Value) {
        kind = .scalar
        scalar = value
    }

    var value: Value {
        switch kind {
        case .scalar: return scalar
        case .array: return .list(items.map(\.value))
        case .object:
            // `.sortedKeys`: JSONEncoder writes keys in code-unit order.
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .record(Record(distinctKeys: sorted.map { (key: $0.key, value: $0.value.value) }))
        }
    }

    func member(_ key: String) -> ValueBox {
        if kind != .object { becomeObject() }
        if let box = members[key] { return box }
        let box = ValueBox()
        members[key] = box
        return box
    }

    func append() -> ValueBox {
        if kind != .array { becomeArray() }
        let box = ValueBox()
        items.append(box)
        return box
    }

    func becomeObject() {
        if kind != .object { members = [:] }
        kind = .object
    }

    func becomeArray() {
        if kind != .array { items = [] }
        kind = .array
    }
}

enum ValueEncoding {
    static func encode(_ value: some Encodable, into box: ValueBox, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date: box.set(.string(RFC3339.format(date)))
        case let string as String: box.set(.string(string))
        case let int as Int: box.set(.int(int))
        case let bool as Bool: box.set(.bool(bool))
        case let double as Double: box.set(try number(double, codingPath: codingPath))
        case let url as URL: box.set(.string(url.absoluteString))
        default: try value.encode(to: BoxEncoder(box: box, codingPath: codingPath))
        }
    }

    /// What JSONEncoder writes for a double, read back: `3.0` is written `3` (an int), others stay floats.
    static func number(_ double: Double, codingPath: [any CodingKey]) throws -> Value {
        guard double.isFinite else {
            throw EncodingError.invalidValue(
                double, .init(codingPath: codingPath, debugDescription: "not a finite number"))
        }
        let text = double.description
        if text.hasSuffix(".0"), let int = Int(text.dropLast(2)) { return .int(int) }
        return .float(double)
    }

    static func integer(_ value: some BinaryInteger) -> Value {
        if let int = Int(exactly: value) { return .int(int) }
        return .float(Double(value))
    }
}

struct BoxEncoder: Encoder {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeObject()
        return KeyedEncodingContainer(KeyedBox<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeArray()
        return UnkeyedBox(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBox(box: box, codingPath: codingPath) }
}
