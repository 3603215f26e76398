import Foundation

/// A value of the language as a host sees it: what a script returns, what a host command receives and
/// returns, what ``Engine/bind(_:to:)`` binds. Streams arrive read to the end, as lists.
public enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case time(Date)
    /// Seconds.
    case duration(Double)
    case list([Value])
    /// The fields in order.
    case record([Field])

    /// One field of a record.
    public struct Field: Sendable, Equatable {
        /// The field's name.
        public var name: String
        /// The field's value.
        public var value: Value

        /// A field named `name` holding `value`.
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// A record from name–value pairs, in order.
    public static func record(_ pairs: KeyValuePairs<String, Value>) -> Value {
        .record(pairs.map { Field($0.key, $0.value) })
    }

    /// A record's field by name (nil when this is not a record or has no such field).
    public subscript(field: String) -> Value? {
        guard case .record(let fields) = self else { return nil }
        return fields.first { $0.name == field }?.value
    }

    /// A list's item (nil when this is not a list or the index is out of range).
    public subscript(index: Int) -> Value? {
        guard case .list(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The string, when this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// The integer, when this is one.
    public var intValue: Int? { if case .int(let i) = self { i } else { nil } }

    /// The Boolean, when this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
}
