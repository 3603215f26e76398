import Foundation

/// A stop asked for politely. SIGTERM while an endless stream (`watch`) is being read ends that stream
/// at its next item (or at once, if it is waiting for its next poll) instead of cancelling the script:
/// whatever the pipeline has in flight finishes, and the script ends normally (exit 0). Without a
/// listener — or at a second SIGTERM — the script is cancelled as before.
package final class GracefulStop: @unchecked Sendable {
    package static let shared = GracefulStop()

    private let lock = NSLock()
    private var listeners = 0
    private var requested = false

    package init() {}

    /// An endless stream starts (`begin`) or stops (`end`) listening.
    package func begin() { lock.withLock { listeners += 1 } }
    package func end() { lock.withLock { listeners -= 1 } }

    package var isRequested: Bool { lock.withLock { requested } }

    /// Asks the listeners to stop. True the first time while any listens; false otherwise (the caller
    /// then cancels the work outright).
    package func request() -> Bool {
        lock.withLock {
            guard listeners > 0, !requested else { return false }
            requested = true
            return true
        }
    }

    /// Sleeps up to `seconds`, waking early once a stop is requested. True when a stop was requested.
    package func sleep(seconds: Double) async throws -> Bool {
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            if isRequested { return true }
            try await Task.sleep(for: min(.milliseconds(100), end - ContinuousClock.now))
        }
        return isRequested
    }
}
