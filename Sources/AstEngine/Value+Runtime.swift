import AstRuntime
import AsteroidModels
import Foundation

typealias RuntimeValue = AstRuntime.Value

extension Value {
    /// A language value for the host: streams are read to the end; a closure becomes its source text.
    static func from(_ value: RuntimeValue) async throws -> Value {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .time(let t): return .time(t)
        case .duration(let d): return .duration(d)
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try await from(item)) }
            return .list(out)
        case .record(let record):
            var fields: [Field] = []
            fields.reserveCapacity(record.count)
            for (key, item) in record.pairs { fields.append(Field(key, try await from(item))) }
            return .record(fields)
        case .closure: return .string(value.literal)
        case .stream: return try await from(try await value.materialized())
        }
    }

    /// The language value.
    var runtime: RuntimeValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .float(d)
        case .string(let s): .string(s)
        case .time(let t): .time(t)
        case .duration(let d): .duration(d)
        case .list(let items): .list(items.map(\.runtime))
        case .record(let fields): .record(Record(fields.map { ($0.name, $0.value.runtime) }))
        }
    }
}

extension Value {
    /// The value of a Swift value, through its JSON form (dates as RFC 3339 strings, as the API writes them).
    public init(encoding swiftValue: some Encodable) throws {
        let data = try AsteroidJSON.makeEncoder().encode(swiftValue)
        self = try Self.fromJSON(data)
    }

    /// This value decoded as a Swift type, through its JSON form (times as RFC 3339 strings, durations
    /// as seconds).
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try AsteroidJSON.makeDecoder().decode(T.self, from: Data(JSONText.encode(runtime).utf8))
    }

    static func fromJSON(_ data: Data) throws -> Value {
        let parsed: RuntimeValue
        do { parsed = try JSONText.decode(data: data) } catch {
            throw EngineError(message: "not a JSON value: \(error)")
        }
        return plain(parsed)
    }

    /// JSON holds no streams or closures: the conversion needs no waiting.
    static func plain(_ value: RuntimeValue) -> Value {
        switch value {
        case .null, .closure, .stream: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let d): .double(d)
        case .string(let s): .string(s)
        case .time(let t): .time(t)
        case .duration(let d): .duration(d)
        case .list(let items): .list(items.map(plain))
        case .record(let record): .record(record.pairs.map { Field($0.key, plain($0.value)) })
        }
    }
}
