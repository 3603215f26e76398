import Dispatch

/// Runs blocking terminal reads on one serial queue, so a REPL waiting for a key never holds one
/// of Swift concurrency's few cooperative threads (the sandbox and the HTTP client need them while
/// the prompt waits).
final class BlockingQueue: Sendable {
    let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInteractive)
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
