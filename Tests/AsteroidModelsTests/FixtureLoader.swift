import AsteroidModels
import Foundation
import Testing

enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) not found in the test bundle" }
    }

    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try Data(contentsOf: url)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try AsteroidJSON.makeDecoder().decode(T.self, from: try data(name))
    }

    static func decode<T: Decodable>(_ type: T.Type, json: String) throws -> T {
        try AsteroidJSON.makeDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Encodes with the shared encoder and decodes again.
    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try AsteroidJSON.makeDecoder().decode(T.self, from: try AsteroidJSON.makeEncoder().encode(value))
    }

    static func date(_ text: String) throws -> Date {
        try #require(RFC3339.parse(text))
    }
}
