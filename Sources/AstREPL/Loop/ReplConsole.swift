import AstBuiltins

/// What a running pipeline may ask of the person at the prompt: a `[y/N]` confirmation before a
/// bulk change (asked through the line reader, so editing keys and Ctrl-C work), and where the
/// progress line of long `each`/`wait` work is drawn (stderr, only at a terminal; pass it to the session).
package final class ReplConsole: Sendable {
    package let reader: any LineReader
    package let progressDisplay: (any ProgressDisplay)?

    package init(reader: any LineReader, progressDisplay: (any ProgressDisplay)?) {
        self.reader = reader
        self.progressDisplay = progressDisplay
    }

    /// Asks `question` (e.g. "rerun 12 executions?"); true only for `y` or `yes`.
    package func confirm(_ question: String) async -> Bool {
        progressDisplay?.clear()
        return await reader.confirm(question)
    }
}
