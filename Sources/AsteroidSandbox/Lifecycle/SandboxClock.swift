import Foundation

/// The time source of the lifecycle. The system clock in production; a manual one in tests, so a
/// test moves time forward explicitly instead of sleeping.
public protocol SandboxClock: Sendable {
    var now: Date { get }
}

/// Wall-clock time.
public struct SystemClock: SandboxClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that only moves when told to. The lifecycle never runs on its own with this clock: call
/// `SandboxServer.runDueWork()` (or `LifecycleEngine.runDue()`) after `advance(by:)`.
public final class ManualClock: SandboxClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = start
    }

    public var now: Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
