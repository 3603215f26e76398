import Foundation

/// Delivers Ctrl-C (SIGINT) and SIGTERM while a pipeline runs. The REPL registers a handler around each
/// evaluation; outside one, interrupts are ignored (while editing, ^C is a key, not a signal).
///
/// SIGTERM takes the same path as Ctrl-C (the handler cancels the pipeline, the summary of what completed
/// is shown) and then `terminationRequested` tells the REPL to leave with 143. Between evaluations it
/// ends the process at once with 143.
package protocol InterruptSource: AnyObject, Sendable {
    func setHandler(_ handler: (@Sendable () -> Void)?)
    /// True once SIGTERM has arrived: the REPL leaves (exit 143) after the evaluation it interrupted.
    var terminationRequested: Bool { get }
}

extension InterruptSource {
    package var terminationRequested: Bool { false }
}

/// The exit status after SIGTERM (128 + 15, what shells report for a death by SIGTERM).
package let terminatedExitStatus: Int32 = 143

/// Write end of the self-pipe; set once, before the handler is installed, then only read.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// SIGINT and SIGTERM through a self-pipe: the C handler only `write`s the signal's number
/// (async-signal-safe); a reader thread calls the registered Swift handler.
package final class SignalInterrupts: InterruptSource, @unchecked Sendable {
    package static let shared = SignalInterrupts()

    let lock = NSLock()
    var handler: (@Sendable () -> Void)?
    var installed = false
    var terminated = false

    package var terminationRequested: Bool { lock.withLock { terminated } }

    package func setHandler(_ handler: (@Sendable () -> Void)?) {
        lock.lock()
        defer { lock.unlock() }
        self.handler = handler
        if !installed {
            installed = true
            install()
        }
    }

    func install() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        interruptPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        let thread = Thread { [weak self] in
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) >= 0 {
                guard let self else { return }
                self.lock.lock()
                if Int32(byte) == SIGTERM { self.terminated = true }
                let current = self.handler
                self.lock.unlock()
                if let current {
                    current()
                } else if Int32(byte) == SIGTERM {
                    // Nothing running (the prompt is waiting for a line; libedit has put the terminal back
                    // in cooked mode before passing the signal on): leave now.
                    exit(terminatedExitStatus)
                }
            }
        }
        thread.name = "ast.interrupts"
        thread.start()
        for number in [SIGINT, SIGTERM] {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(interruptPipeWriteEnd, &byte, 1)
            }
        }
    }
}
