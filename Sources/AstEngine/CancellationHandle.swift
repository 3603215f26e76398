import Foundation

/// Stops an evaluation from outside: pass it to ``Engine/evaluate(_:name:cancellation:)`` and call
/// ``cancel()`` from anywhere (another task, a request's disconnect handler). In-flight requests are
/// cancelled and nothing more is sent; the evaluation throws a ``ScriptError`` of kind `.cancelled`.
/// Cancelling the task that awaits the evaluation does the same.
public final class CancellationHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var tasks: [ObjectIdentifier: @Sendable () -> Void] = [:]
    private var nextKey = 0

    /// A handle not yet cancelled.
    public init() {}

    /// Cancels the evaluations running with this handle, and any started with it later.
    public func cancel() {
        let running = lock.withLock {
            cancelled = true
            return Array(tasks.values)
        }
        for cancel in running { cancel() }
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    func attach<T>(_ task: Task<T, Never>) -> AnyObject {
        let token = Token()
        let cancelNow = lock.withLock {
            tasks[ObjectIdentifier(token)] = { task.cancel() }
            return cancelled
        }
        if cancelNow { task.cancel() }
        return token
    }

    func detach(_ token: AnyObject) {
        _ = lock.withLock { tasks.removeValue(forKey: ObjectIdentifier(token)) }
    }

    private final class Token {}
}

/// Set once, read after: whether the wall-clock budget ran out.
final class Latch: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    func fire() { lock.withLock { set = true } }
    var fired: Bool { lock.withLock { set } }
}
