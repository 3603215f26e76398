import Foundation

/// Wakes waiters when an execution changes (long-poll sync) or when the schedule changes (the lifecycle
/// engine). A waiter passes the generation it read before looking at the state, so a change that lands
/// in between is never missed.
///
/// `shutDown()` (SIGTERM, `SandboxServer.stop()`) wakes every request's wait at once and makes later ones
/// return at once, so a pending long-poll or injected latency never holds the server open. The lifecycle
/// engine's own wait (`scheduleKey`) is left alone: the service group cancels the engine.
final class ChangeNotifier: @unchecked Sendable {
    static let scheduleKey = "__schedule__"

    private struct Waiter {
        var key: String
        var continuation: CheckedContinuation<Void, Never>
    }

    private let lock = NSLock()
    private var waiters: [UUID: Waiter] = [:]
    private var counter: UInt64 = 0
    private var closed = false

    var generation: UInt64 { lock.withLock { counter } }

    /// True once `shutDown()` ran.
    var isShutDown: Bool { lock.withLock { closed } }

    /// Ends every request's wait now and every later one at once (see the type's comment).
    func shutDown() {
        let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
            closed = true
            let matching = waiters.filter { $0.value.key != Self.scheduleKey }
            for token in matching.keys { waiters.removeValue(forKey: token) }
            return matching.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Sleeps for `duration` (an injected latency): ends early on shutdown or cancellation.
    func sleep(for duration: Duration) async {
        await park(key: "__sleep__", generation: nil, timeout: duration)
    }

    func notify(_ key: String) {
        let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
            counter &+= 1
            let matching = waiters.filter { $0.value.key == key }
            for token in matching.keys { waiters.removeValue(forKey: token) }
            return matching.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns when `key` is notified, at once if anything was notified since `generation`, after
    /// `timeout`, or when the task is cancelled.
    func wait(for key: String, since generation: UInt64, timeout: Duration) async {
        await park(key: key, generation: generation, timeout: timeout)
    }

    /// Waits for `key` (a nil generation: only for the timeout, shutdown or cancellation).
    private func park(key: String, generation: UInt64?, timeout: Duration) async {
        let token = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let installed: Bool = lock.withLock {
                    if let generation, counter != generation { return false }
                    guard !Task.isCancelled, !closed || key == Self.scheduleKey else { return false }
                    waiters[token] = Waiter(key: key, continuation: continuation)
                    return true
                }
                guard installed else {
                    continuation.resume()
                    return
                }
                Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    self?.resume(token)
                }
            }
        } onCancel: {
            resume(token)
        }
    }

    private func resume(_ token: UUID) {
        let waiter = lock.withLock { waiters.removeValue(forKey: token) }
        waiter?.continuation.resume()
    }
}
