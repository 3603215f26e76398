import Foundation

/// Delivers Ctrl-C (SIGINT) while a pipeline runs. The REPL registers a handler around each
/// evaluation; outside one, interrupts are ignored (while editing, ^C is a key, not a signal).
package protocol InterruptSource: AnyObject, Sendable {
    func setHandler(_ handler: (@Sendable () -> Void)?)
}

/// Write end of the self-pipe; set once, before the handler is installed, then only read.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// SIGINT through a self-pipe: the C handler only `write`s one byte (async-signal-safe); a reader
/// thread calls the registered Swift handler.
package final class SignalInterrupts: InterruptSource, @unchecked Sendable {
    package static let shared = SignalInterrupts()

    let lock = NSLock()
    var handler: (@Sendable () -> Void)?
    var installed = false

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
                let current = self.handler
                self.lock.unlock()
                current?()
            }
        }
        thread.name = "ast.interrupts"
        thread.start()
        signal(SIGINT) { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipeWriteEnd, &byte, 1)
        }
    }
}
