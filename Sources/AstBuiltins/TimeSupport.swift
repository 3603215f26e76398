import AstRuntime
import Foundation

extension Invocation {
    /// The zone a time command works in: its `tz=` argument, else the local zone (`TZ`, UTC when unset).
    func timeZone() throws -> TimeZone {
        guard let name = named["tz"]?.text else { return LocalTime.zone }
        if ["UTC", "Z", "GMT"].contains(name) { return LocalTime.zone(named: "UTC") }
        guard let zone = TimeZone(identifier: name) else {
            throw error(
                "unknown time zone '\(name)'", argument: "tz",
                help: "a zone name such as Europe/Paris, America/New_York or UTC")
        }
        return zone
    }

    /// Applies `body` to the input: to each item of a list or stream (with its position), or to the
    /// single value (position 0).
    func eachValue(_ body: @escaping @Sendable (Int, Value) throws -> Value) async throws -> Value {
        switch input {
        case .list(let items): return .list(try items.enumerated().map { try body($0.offset, $0.element) })
        case .stream(let stream):
            // Positions count afresh each time the stream is read.
            return .stream(
                ValueStream {
                    let counter = Counter()
                    return stream.map { try body(counter.next(), $0) }.makeIterator()
                })
        default: return try body(0, input)
        }
    }

    /// The time an item stands for, or an error naming it.
    func time(of value: Value, command: String) throws -> Date {
        guard case .time(let date) = value else {
            throw error(
                "\(command) needs a time, got \(value.typeName) \(value.literal.prefix(60))",
                help: value.stringValue != nil ? "convert text first: into time" : nil)
        }
        return date
    }
}

/// The zone argument the time commands share.
let timeZoneParam = ParamSpec("tz", .string, "time zone (default: TZ, or UTC when unset)")
