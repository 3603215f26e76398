import AstRuntime
import CLibEdit
import Foundation

/// Where the REPL writes: results on stdout, diagnostics and notices on stderr.
package protocol ReplOutput: AnyObject, Sendable {
    func result(_ text: String)
    func notice(_ text: String)
    /// Ends the line the terminal left open (after an echoed `^C` or `^D`).
    func endTerminalLine()
    /// Shows a result through the pager `command`; false when it could not (then show it as a result).
    func page(_ text: String, command: String) async -> Bool
}

extension ReplOutput {
    package func page(_ text: String, command: String) async -> Bool { false }
}

/// The process's stdout and stderr, flushed after each write (stdout may be a pipe).
package final class TerminalOutput: ReplOutput {
    package init() {}

    package func result(_ text: String) {
        let text = OutputFilter.apply(text)
        fputs(text.hasSuffix("\n") ? text : text + "\n", clibedit_stdout())
        fflush(clibedit_stdout())
    }

    /// Runs `command` by `/bin/sh -c` with the (redacted) text on its stdin and the terminal as its
    /// stdout, on a thread of its own, and waits for it (`q` in less).
    package func page(_ text: String, command: String) async -> Bool {
        let text = OutputFilter.apply(text.hasSuffix("\n") ? text : text + "\n")
        fflush(clibedit_stdout())
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Pager.run(command, input: text)) }
        }
    }

    package func endTerminalLine() {
        fputs("\n", clibedit_stdout())
        fflush(clibedit_stdout())
    }

    package func notice(_ text: String) {
        fflush(clibedit_stdout())
        let text = OutputFilter.apply(text)
        fputs(text.hasSuffix("\n") ? text : text + "\n", clibedit_stderr())
        fflush(clibedit_stderr())
    }
}
