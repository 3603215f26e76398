import Foundation

/// A string enum that tolerates values it does not know.
///
/// The live API adds enum values over time (it added `queued` after the seeds were written), so every
/// enum on the wire decodes an unknown value to an explicit `.unknown(raw)` case, which re-encodes to the
/// same string. Conformers list their known cases once, in `allKnown`, and spell each one in `rawValue`.
public protocol OpenEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Every case this build of the models knows, in documentation order.
    static var allKnown: [Self] { get }
    /// The exact string on the wire.
    var rawValue: String { get }
    /// A value this build does not know, kept verbatim.
    static func unknown(_ raw: String) -> Self
}

extension OpenEnum {
    /// Never fails: a value outside `allKnown` becomes `.unknown(rawValue)`.
    public init(rawValue: String) {
        self = Self.allKnown.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// Known values only; `nil` for anything else. Use this for strict writing (user input).
    public init?(knownRawValue raw: String) {
        guard let value = Self.allKnown.first(where: { $0.rawValue == raw }) else { return nil }
        self = value
    }

    public var isKnown: Bool { Self.allKnown.contains { $0.rawValue == rawValue } }

    public static var knownRawValues: [String] { allKnown.map(\.rawValue) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
