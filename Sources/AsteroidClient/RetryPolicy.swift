/// When and how long the client waits before trying a request again.
///
/// **Reads** (GET) are retried after connection failures, dropped connections, timeouts, 429, 500, 502,
/// 503 and 504. **Mutations** (POST, DELETE) are retried only when they certainly did not take effect: the
/// connection could not be opened (nothing was sent), or the server answered 429 or 503. When a mutation's
/// outcome is unknown (500, 502, 504, a connection lost after sending, a timeout) the client asks the API
/// what happened before reporting or retrying (see `AsteroidClient.rerun`, `cancel`, `execute`); an outcome
/// that stays unknown is an `AsteroidError` of kind `.outcomeUnknown`, never a plain failure.
///
/// Delays grow exponentially with full jitter (a random wait between 0 and
/// `min(maxDelay, baseDelay · 2^(attempt-1))`). A `Retry-After` header (seconds or HTTP date; NaN and
/// negative values are ignored, anything over a year is taken as a year) sets the wait instead; one that
/// would end after the budget stops the retrying at once, and the error's `hint` says so. After a 429 the
/// whole client waits: every request of that client, on any task, is held until the wait is over (plus a
/// little jitter), so many parallel workers do not stampede a server that asked them to slow down.
///
/// The client gives up after `maxAttempts` attempts, or earlier when the next wait would end more than
/// `totalBudget` after the first attempt. The default, 10 attempts within 60 s, makes a read that fails
/// independently 27% of the time (the fault mix `500:0.05,503:0.1,429:0.1,reset:0.02`) give up about
/// twice in a million calls (0.27^10 ≈ 2·10⁻⁶). A connection that cannot be opened at all (refused,
/// unreachable: usually a wrong URL or a server that is down) is tried `maxConnectAttempts` times, 4 by
/// default, so a mistake is reported within about 2 s rather than after the whole budget.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included. 1 disables retrying.
    public var maxAttempts: Int
    /// How many attempts may fail to open a connection before the client gives up (at most `maxAttempts`).
    public var maxConnectAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Upper bound on the time from the first attempt to the start of the last one.
    public var totalBudget: Duration

    public init(
        maxAttempts: Int = 10, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        totalBudget: Duration = .seconds(60), maxConnectAttempts: Int = 4
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxConnectAttempts = max(1, min(maxConnectAttempts, maxAttempts))
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalBudget = totalBudget
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)
}
