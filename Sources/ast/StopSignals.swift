import Foundation

/// SIGINT (Ctrl-C) and SIGTERM while a script runs: the first of either calls `onStop` (which cancels the
/// run: in-flight requests are cancelled and nothing more is sent), and `end()` says which came first.
/// Both take the same path, so SIGTERM prints the same summary of what completed; only the exit code
/// differs (130 for SIGINT, 143 for SIGTERM, as shells report a death by those signals).
final class StopSignals: @unchecked Sendable {
    static let terminatedExitCode: Int32 = 143

    private let lock = NSLock()
    private var first: Int32?
    private var sources: [any DispatchSourceSignal] = []

    init(onStop: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.record(number)
                onStop()
            }
            source.resume()
            sources.append(source)
        }
    }

    private func record(_ number: Int32) {
        lock.withLock { if first == nil { first = number } }
    }

    /// Stops listening and gives both signals their default action back (a second one during shutdown
    /// ends the process); returns the first signal received (nil: none).
    func end() -> Int32? {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        return lock.withLock { first }
    }
}
