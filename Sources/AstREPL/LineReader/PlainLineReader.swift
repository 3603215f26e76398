import Foundation

/// Reads lines from a file handle without editing: for pipes, scripts on stdin and tests.
/// Prints no prompt unless asked to (a prompt on a pipe would pollute the output).
package final class PlainLineReader: LineReader, @unchecked Sendable {
    package let isInteractive: Bool
    let reads = BlockingQueue(label: "ast.plain-reader")

    /// Reads stdin; `showPrompts` writes prompts to stderr (useful when stdin is a terminal but
    /// libedit is unavailable).
    package init(showPrompts: Bool = false) {
        self.isInteractive = showPrompts
    }

    package func readLine(prompt: String) async -> LineEvent {
        if isInteractive {
            FileHandle.standardError.write(Data(prompt.utf8))
        }
        let line = await reads.run { Swift.readLine(strippingNewline: true) }
        return line.map(LineEvent.line) ?? .endOfInput
    }

    package func setCompletionSource(_ source: any CompletionSource) {}

    package func confirm(_ question: String) async -> Bool {
        // Without a terminal nobody can answer: refuse, and say so on stderr.
        guard isInteractive else {
            FileHandle.standardError.write(Data((Prompt.confirmation(question) + "no (not a terminal)\n").utf8))
            return false
        }
        guard case .line(let answer) = await readLine(prompt: Prompt.confirmation(question)) else { return false }
        return Self.isYes(answer)
    }
}
