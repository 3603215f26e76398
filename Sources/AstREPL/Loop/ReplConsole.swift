import AstBuiltins
import AstRuntime
import Foundation

/// What a running pipeline may ask of the person at the prompt: a `[y/N]` confirmation before a
/// bulk change (asked through the line reader, so editing keys and Ctrl-C work), and where the
/// progress line of long `each`/`wait` work is drawn (stderr, only at a terminal; pass it to the session).
package final class ReplConsole: Sendable {
    package let reader: any LineReader
    package let progressDisplay: (any ProgressDisplay)?

    /// Where the preview above a confirmation goes (stderr, beside the prompts).
    let showPreview: @Sendable (String) -> Void

    package init(
        reader: any LineReader, progressDisplay: (any ProgressDisplay)?,
        showPreview: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) {
        self.reader = reader
        self.progressDisplay = progressDisplay
        self.showPreview = showPreview
    }

    /// Asks `question` (e.g. "rerun 12 executions?", after the lines that preview the change: they are
    /// printed first and the last line is asked); true only for `y` or `yes`.
    package func confirm(_ question: String) async -> Bool {
        progressDisplay?.clear()
        let parts = Prompt.confirmationParts(question)
        if let preview = parts.preview { showPreview(preview) }
        return await reader.confirm(parts.question)
    }
}
