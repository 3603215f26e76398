import Foundation

/// A position counter a lazy stage can share across the items of a stream (`where` names item N).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The current position, then one more.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
