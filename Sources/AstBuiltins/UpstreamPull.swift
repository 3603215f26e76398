import AstRuntime
import Foundation

/// Over an endless input (`watch`), the next item may be a whole poll away, and `each` must not sit on
/// finished work meanwhile: its output, and its `item-done` lines, would come a poll late. `UpstreamPull`
/// keeps one `next()` of the upstream iterator running in a task of its own, so `each` can wait for
/// whichever comes first — that item, or the oldest item in flight finishing (then yielded at once, in
/// order). Only one pull runs at a time; the one pending when `each` is dropped is cancelled.
final class UpstreamPull: @unchecked Sendable {
    /// The iterator is only ever advanced by the one pending pull.
    private struct Source: @unchecked Sendable { let iterator: ValueIterator }

    private let source: Source
    private let lock = NSLock()
    private var pending: Task<Value?, any Error>?

    init(_ iterator: ValueIterator) { source = Source(iterator: iterator) }

    deinit { pending?.cancel() }

    /// The pull in progress, started if none is.
    private func pull() -> Task<Value?, any Error> {
        lock.withLock {
            if let pending { return pending }
            let source = source
            let task = Task { try await source.iterator.next() }
            pending = task
            return task
        }
    }

    /// The next upstream item (nil at the end); the next call starts a new pull.
    func take() async throws -> Value? {
        let task = pull()
        defer { lock.withLock { pending = nil } }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Waits until the next upstream item is there or `head` has finished: true when `head` came first.
    func headFinishesFirst(_ head: Task<Value, any Error>) async -> Bool {
        let upstream = pull()
        let once = FirstOfTwo()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Task {
                    _ = try? await upstream.value
                    if once.claim() { continuation.resume(returning: false) }
                }
                Task {
                    _ = try? await head.value
                    if once.claim() { continuation.resume(returning: true) }
                }
            }
        } onCancel: {
            upstream.cancel()
        }
    }
}

/// The first of two racers to claim it wins; the other is told no.
private final class FirstOfTwo: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}
