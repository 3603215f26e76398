import Foundation

/// The generator of every randomised test (SplitMix64, so a seed names a run on every platform).
/// The seed is a fresh one each run unless the environment names one (`TEST_SEED=N` by default) or the test
/// fixes it; put ``seed`` in each failure message (`"seed \(random.seed)"`) so a failing run can be replayed.
package struct TestRandom: RandomNumberGenerator, Sendable {
    package let seed: UInt64
    private var state: UInt64

    /// `seed`: the test's fixed seed (nil: a fresh one); `variable` (e.g. `TEST_SEED=N`) overrides either.
    package init(seed: UInt64? = nil, variable: String = "TEST_SEED") {
        let replayed = ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0) }
        self.seed = replayed ?? seed ?? UInt64.random(in: .min ... .max)
        state = self.seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
