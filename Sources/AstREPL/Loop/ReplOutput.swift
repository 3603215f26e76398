import AstRuntime
import CLibEdit
import Foundation

/// Where the REPL writes: results on stdout, diagnostics and notices on stderr.
package protocol ReplOutput: AnyObject, Sendable {
    func result(_ text: String)
    func notice(_ text: String)
    /// Ends the line the terminal left open (after an echoed `^C` or `^D`).
    func endTerminalLine()
}

/// The process's stdout and stderr, flushed after each write (stdout may be a pipe).
package final class TerminalOutput: ReplOutput {
    package init() {}

    package func result(_ text: String) {
        let text = OutputFilter.apply(text)
        fputs(text.hasSuffix("\n") ? text : text + "\n", clibedit_stdout())
        fflush(clibedit_stdout())
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
