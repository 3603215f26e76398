import Foundation

/// Hands out 1, 2, 3… across tasks: the session numbers its entries (each gets its own source name in
/// diagnostics) and the placeholders of its dry-run changes with one each.
final class SerialNumber: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
