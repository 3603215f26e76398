import Foundation

/// SplitMix64: a tiny, fast, fully deterministic generator (same seed → same sequence on every platform).
/// `mix` is also the step of the fuzzers' own generators (ast-fuzz), so the algorithm has one home.
package struct SeedRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// A version-4-shaped UUID from the generator, lowercase like the API writes them.
    mutating func uuid() -> String {
        let a = next()
        let b = next()
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        for index in 0..<16 {
            var byte = UInt8(truncatingIfNeeded: (index < 8 ? a : b) >> (8 * UInt64(index % 8)))
            if index == 6 { byte = (byte & 0x0F) | 0x40 }
            if index == 8 { byte = (byte & 0x3F) | 0x80 }
            if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
            out[position] = hex[Int(byte >> 4)]
            out[position + 1] = hex[Int(byte & 0x0F)]
            position += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
