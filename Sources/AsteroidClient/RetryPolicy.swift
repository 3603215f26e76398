/// When and how long the client waits before trying a request again.
///
/// GETs are retried after connection failures, timeouts, 429, 502, 503 and 504. A mutating request
/// (POST, DELETE) is retried only when it certainly did not take effect: the connection could not be
/// opened (nothing was sent), or the server answered 429 or 503. It is never repeated after a timeout, a
/// connection lost after sending, a 500, 502 or 504. Delays grow exponentially with full jitter
/// (a random wait between 0 and `min(maxDelay, baseDelay · 2^(attempt-1))`); a `Retry-After` header
/// (seconds or HTTP date) sets the wait instead. The client gives up after `maxAttempts` attempts, or
/// earlier when the next wait would end after `totalBudget` since the first attempt.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included. 1 disables retrying.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Upper bound on the time from the first attempt to the start of the last one.
    public var totalBudget: Duration

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        totalBudget: Duration = .seconds(60)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalBudget = totalBudget
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)
}
