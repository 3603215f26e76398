/// The REPL reads through this seam: a libedit editor at a terminal, plain `readLine` otherwise.
package protocol LineReader: AnyObject, Sendable {
    /// True when a person is typing at a terminal (prompts, banner and confirmations make sense).
    var isInteractive: Bool { get }
    /// Reads one line, showing `prompt`. The trailing newline is removed.
    func readLine(prompt: String) async -> LineEvent
    /// The vocabulary Tab completes from, replaced before each prompt.
    func setCompletionSource(_ source: any CompletionSource)
    /// Asks a yes/no question (`[y/N]`); anything but `y`/`yes` (including Ctrl-C) answers no.
    func confirm(_ question: String) async -> Bool
}

/// What reading a line produced.
package enum LineEvent: Sendable, Equatable {
    case line(String)
    /// Ctrl-C while editing: the typed text is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

extension LineReader {
    /// Interprets a typed answer to a `[y/N]` question.
    package static func isYes(_ answer: String) -> Bool {
        let word = answer.trimmingTrailingWhitespace().lowercased().drop(while: { $0 == " " })
        return word == "y" || word == "yes"
    }
}
