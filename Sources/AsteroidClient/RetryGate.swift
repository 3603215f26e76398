import Foundation

/// The client-wide back-off after a 429: once the server says "too many requests, wait w", every request
/// of the client waits until then before it is sent, so many concurrent workers do not keep hammering it.
final class RetryGate: Sendable {
    private let openAt = Locked<ContinuousClock.Instant?>(nil)

    /// Holds every request until `wait` from now (or later, if the gate already closes later).
    func close(for wait: Duration) {
        let until = ContinuousClock.now + wait
        openAt.withLock { openAt in
            if let current = openAt, current >= until { return }
            openAt = until
        }
    }

    /// How long a request must still wait (zero when the gate is open).
    func remaining() -> Duration {
        guard let until = openAt.withLock({ $0 }) else { return .zero }
        return max(.zero, until - ContinuousClock.now)
    }
}
