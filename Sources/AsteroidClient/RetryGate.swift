import Foundation

/// The client-wide back-off after a 429: once the server says "too many requests, wait w", every request
/// of the client waits until then before it is sent, so many concurrent workers do not keep hammering it.
///
/// It also learns the server's rate: on a 429 the rate of answers the server had just given (in the
/// second before; when it gave at least two) becomes a cap on every request the client sends (a `RateLimiter`),
/// so the workers do not all rush back when the gate opens and hit the limit again. Each further 429
/// lowers the cap to what was served then; a minute without a 429 lifts it.
final class RetryGate: Sendable {
    private let openAt = Locked<ContinuousClock.Instant?>(nil)
    private let learning = Locked(Learning())

    struct Learning {
        /// When the server answered (other than 429): times from `head` on are within the last second
        /// (older ones are skipped by moving `head`, and dropped in bulk now and then).
        var answers: [ContinuousClock.Instant] = []
        var head = 0
        var cap: RateLimiter?
        var lastLimited: ContinuousClock.Instant?

        mutating func forget(before limit: ContinuousClock.Instant) {
            while head < answers.count, answers[head] < limit { head += 1 }
            if head > 1024, head * 2 > answers.count {
                answers.removeFirst(head)
                head = 0
            }
        }

        var recent: Int { answers.count - head }
    }

    /// How long a learned cap lasts after the last 429.
    static let capLifetime = Duration.seconds(60)

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

    /// Notes an answer: a 429 sets (or lowers) the learned cap, any other status counts as served.
    func note(status: Int) {
        let now = ContinuousClock.now
        learning.withLock { state in
            state.forget(before: now - .seconds(1))
            if status == 429 {
                // Fewer than two answers in the second before say nothing about the server's rate.
                guard state.recent >= 2 else { return }
                let served = Double(state.recent)
                if state.cap.map({ served < $0.perSecond }) ?? true { state.cap = RateLimiter(perSecond: served) }
                state.lastLimited = now
            } else {
                state.answers.append(now)
            }
        }
    }

    /// The learned cap, while it lasts.
    func cap() -> RateLimiter? {
        let now = ContinuousClock.now
        return learning.withLock { state in
            guard let last = state.lastLimited, now - last < Self.capLifetime else {
                state.cap = nil
                return nil
            }
            return state.cap
        }
    }
}
