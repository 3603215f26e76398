import AsteroidModels
import Foundation

/// A value `JSONBytes` writes as the shared encoder does: the scalar types of the models, `JSONValue`,
/// arrays and string-keyed maps of such values, and (in `ExecutionJSONWriter.swift`) the models themselves.
protocol JSONWritable {
    func writeJSON(into o: inout JSONBytes)
}

/// A model written as an object: `writeMembers` writes its fields, one `field` each, in sorted key order.
protocol JSONObject: JSONWritable {
    func writeMembers(into o: inout JSONBytes)
}

extension JSONObject {
    func writeJSON(into o: inout JSONBytes) {
        o.open()
        writeMembers(into: &o)
        o.close()
    }
}

extension JSONBytes {
    /// One member, `"name":value`; written after the members before it, so a writer calls it in sorted key order.
    mutating func field<Value: JSONWritable>(_ name: String, _ value: Value) {
        key(name)
        value.writeJSON(into: &self)
    }

    /// An optional member: nothing for nil, as `JSONEncoder` omits a nil field.
    mutating func field<Value: JSONWritable>(_ name: String, ifPresent value: Value?) {
        if let value { field(name, value) }
    }
}

extension String: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.string(self) } }
extension Bool: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.bool(self) } }
extension Int: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.int(self) } }
extension Double: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.double(self) } }
extension Date: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.date(self) } }
extension JSONValue: JSONWritable { func writeJSON(into o: inout JSONBytes) { o.value(self) } }

extension Array: JSONWritable where Element: JSONWritable {
    func writeJSON(into o: inout JSONBytes) {
        o.array(self) { o, element in element.writeJSON(into: &o) }
    }
}

/// An object with its keys sorted, as `.sortedKeys` writes a dictionary.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func writeJSON(into o: inout JSONBytes) {
        o.open()
        for (name, member) in sorted(by: { $0.key < $1.key }) { o.field(name, member) }
        o.close()
    }
}
