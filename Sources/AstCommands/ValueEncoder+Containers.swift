import AstRuntime
import Foundation

/// The three container kinds of `BoxEncoder`; every scalar goes through `ValueEncoding.encode`.
struct KeyedBox<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ValueBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try ValueEncoding.encode(value, into: box.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func encode(_ value: String, forKey key: Key) throws { box.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.member(key.stringValue).set(.int(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.member(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        box.member(key.stringValue).set(try ValueEncoding.number(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        BoxEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BoxEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BoxEncoder(box: box.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BoxEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedBox: UnkeyedEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.append().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try ValueEncoding.encode(value, into: box.append(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        BoxEncoder(box: box.append(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        BoxEncoder(box: box.append(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BoxEncoder(box: box.append(), codingPath: codingPath) }
}

struct SingleBox: SingleValueEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.set(.null) }
    mutating func encode(_ value: Bool) throws { box.set(.bool(value)) }
    mutating func encode(_ value: String) throws { box.set(.string(value)) }
    mutating func encode(_ value: Double) throws { box.set(try ValueEncoding.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws {
        box.set(try ValueEncoding.number(Double(value.description) ?? Double(value), codingPath: codingPath))
    }
    mutating func encode(_ value: Int) throws { box.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: Int16) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: Int32) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: Int64) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt16) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt32) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { box.set(ValueEncoding.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try ValueEncoding.encode(value, into: box, codingPath: codingPath)
    }
}
