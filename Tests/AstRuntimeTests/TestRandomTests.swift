import Foundation
import SnapshotSupport
import Testing

/// The randomised tests' generator: a seed names a run, and the environment replays one.
@Suite struct TestRandomTests {
    @Test func aSeedNamesTheSequence() {
        var first = TestRandom(seed: 99, variable: "TEST_RANDOM_UNSET_SEED")
        var second = TestRandom(seed: first.seed, variable: "TEST_RANDOM_UNSET_SEED")
        #expect((0..<8).map { _ in first.next() } == (0..<8).map { _ in second.next() })
        // SplitMix64's first output from 0 (a known value): the algorithm, not just determinism.
        var zero = TestRandom(seed: 0, variable: "TEST_RANDOM_UNSET_SEED")
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func theEnvironmentReplaysASeed() {
        setenv("TEST_RANDOM_SELFTEST_SEED", "12345", 1)
        defer { unsetenv("TEST_RANDOM_SELFTEST_SEED") }
        #expect(TestRandom(variable: "TEST_RANDOM_SELFTEST_SEED").seed == 12345)
        #expect(TestRandom(seed: 7, variable: "TEST_RANDOM_SELFTEST_SEED").seed == 12345)
    }
}
