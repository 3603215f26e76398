import Foundation

/// Caps how many requests per second leave, across every task that shares it: each request takes the
/// next free slot, `1/perSecond` after the one before, and waits for it (so a burst of workers is spread
/// out, not refused). Used through `RateLimitMiddleware`; works together with the 429 gate (`RetryGate`),
/// which pauses every request of the client once the server says "too many".
public final class RateLimiter: Sendable {
    public let perSecond: Double
    private let interval: Duration
    private let nextSlot = Locked<ContinuousClock.Instant?>(nil)

    /// `perSecond` must be positive and finite; values outside are clamped to 0.001…1,000,000.
    public init(perSecond: Double) {
        let rate = perSecond.isFinite ? min(max(perSecond, 0.001), 1_000_000) : 1_000_000
        self.perSecond = rate
        interval = .nanoseconds(Int64((1_000_000_000 / rate).rounded()))
    }

    /// Waits for this request's slot. Throws `CancellationError` when the task is cancelled meanwhile.
    public func acquire() async throws {
        let now = ContinuousClock.now
        let slot = nextSlot.withLock { next -> ContinuousClock.Instant in
            let slot = max(next ?? now, now)
            next = slot + interval
            return slot
        }
        if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
    }
}

/// A middleware that sends every attempt (retries included) through a `RateLimiter`.
public struct RateLimitMiddleware: ClientMiddleware {
    public let limiter: RateLimiter

    public init(_ limiter: RateLimiter) { self.limiter = limiter }

    public func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        do { try await limiter.acquire() } catch {
            throw TransportFailure(
                .cancelled, requestMayHaveBeenSent: false, detail: "cancelled while waiting for the rate limit")
        }
        return try await next(request)
    }
}
