/// A record with ordered keys. Records from the API carry their schema: a field the schema knows but the
/// response omitted reads `null`; a field it does not know is an error with a suggestion.
package struct Record: Sendable {
    /// The fields in order. Small records (almost all) are searched linearly, which costs less than
    /// hashing and needs one allocation per record; large ones also keep `index`.
    private var entries: [(key: String, value: Value)] = []
    /// Entry positions by key, only once the record has more than `indexThreshold` fields.
    private var index: [String: Int]?
    package var schema: Schema?

    private static let indexThreshold = 16

    package init(schema: Schema? = nil) { self.schema = schema }

    package init(_ pairs: [(String, Value)], schema: Schema? = nil) {
        self.init(pairs[...], schema: schema)
    }

    package init(_ pairs: ArraySlice<(String, Value)>, schema: Schema? = nil) {
        self.schema = schema
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Pairs whose keys are already distinct (a dictionary's, a schema's): no search per key.
    package init(distinctKeys pairs: [(key: String, value: Value)], schema: Schema? = nil) {
        self.schema = schema
        entries = pairs
        if entries.count > Self.indexThreshold { reindex() }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        let length = key.utf8.count
        for position in entries.indices where entries[position].key.utf8.count == length && entries[position].key == key
        {
            return position
        }
        return nil
    }

    package subscript(key: String) -> Value? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    entries[position].value = newValue
                } else {
                    entries.append((key, newValue))
                    if index != nil {
                        index?[key] = entries.count - 1
                    } else if entries.count > Self.indexThreshold {
                        reindex()
                    }
                }
            } else if let position = position(of: key) {
                entries.remove(at: position)
                if index != nil { reindex() }
            }
        }
    }

    private mutating func reindex() {
        var positions = [String: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() { positions[entry.key] = position }
        index = positions
    }

    /// The field names in order.
    package var keys: [String] { entries.map(\.key) }
    package var count: Int { entries.count }
    package var isEmpty: Bool { entries.isEmpty }

    package var pairs: [(key: String, value: Value)] { entries }

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
    /// `fields` as a set, for `knows`.
    private let fieldSet: Set<String>
    /// Columns a table shows for a list of these records: (title, field path).
    package let columns: [(title: String, path: String)]
    /// How one record of this kind reads for a person at a terminal (nil: key/value lines).
    package let view: (@Sendable (Record) -> String)?

    package init(
        name: String, fields: [String], nested: [String: Schema] = [:], columns: [(title: String, path: String)] = [],
        view: (@Sendable (Record) -> String)? = nil
    ) {
        self.name = name
        self.fields = fields
        self.fieldSet = Set(fields)
        self.nested = nested
        self.columns = columns
        self.view = view
    }

    package func knows(_ field: String) -> Bool { fieldSet.contains(field) }
}
