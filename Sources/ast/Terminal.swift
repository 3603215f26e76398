import AstRuntime
import Foundation

/// The process's terminal: what is a TTY, how wide it is, and plain writes.
enum Terminal {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 100
    }

    static func out(_ text: String) { StandardOutput().write(text) }

    static func error(_ text: String) {
        StandardOutput().writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Asks a yes/no question on stderr and reads the answer from stdin (default no).
    static func ask(_ question: String) -> Bool {
        StandardOutput().writeError("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
