/// A record with ordered keys. Records from the API carry their schema: a field the schema knows but the
/// response omitted reads `null`; a field it does not know is an error with a suggestion.
package struct Record: Sendable {
    package private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]
    package var schema: Schema?

    package init(schema: Schema? = nil) { self.schema = schema }

    package init(_ pairs: [(String, Value)], schema: Schema? = nil) {
        self.schema = schema
        for (key, value) in pairs { self[key] = value }
    }

    package subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    package var pairs: [(key: String, value: Value)] { keys.map { ($0, storage[$0] ?? .null) } }

    /// Field names valid on this record: its keys plus its schema's fields.
    package var knownFields: [String] {
        guard let schema else { return keys }
        return schema.fields + keys.filter { !schema.fields.contains($0) }
    }
}

/// The shape of an API object: its field names and the schemas of nested objects (applied to a record
/// field or to each element of a list field).
package final class Schema: Sendable {
    package let name: String
    package let fields: [String]
    package let nested: [String: Schema]
    /// Columns a table shows for a list of these records: (title, field path).
    package let columns: [(title: String, path: String)]

    package init(name: String, fields: [String], nested: [String: Schema] = [:], columns: [(title: String, path: String)] = []) {
        self.name = name
        self.fields = fields
        self.nested = nested
        self.columns = columns
    }

    package func knows(_ field: String) -> Bool { fields.contains(field) }
}
