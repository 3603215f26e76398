import AstRuntime
import Foundation

/// The progress line on the terminal's stderr, redrawn in place with `\r` and erased when done.
/// Only make one when stderr is a terminal (``StderrProgressDisplay/forTerminal(environment:noColor:)``).
package final class StderrProgressDisplay: ProgressDisplay, @unchecked Sendable {
    let color: Bool
    let lock = NSLock()

    package init(color: Bool) { self.color = color }

    /// A display when stderr is a terminal that can redraw a line (not `TERM=dumb`); nil otherwise.
    /// Colours follow `NO_COLOR` and `--no-color`.
    package static func forTerminal(environment: [String: String], noColor: Bool = false) -> StderrProgressDisplay? {
        guard isatty(STDERR_FILENO) != 0, environment["TERM"] != "dumb" else { return nil }
        return StderrProgressDisplay(color: !noColor && environment["NO_COLOR"] == nil)
    }

    package func draw(_ stage: ProgressSnapshot) {
        write("\r" + stage.line(width: Self.width() - 1, color: color) + "\u{1B}[K")
    }

    package func clear() { write("\r\u{1B}[K") }

    func write(_ text: String) {
        lock.withLock {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
                if written <= 0 { return }
                bytes = bytes.dropFirst(written)
            }
        }
    }

    static func width() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
