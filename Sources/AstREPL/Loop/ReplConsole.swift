import CLibEdit
import Foundation

/// What a running pipeline may ask of the person at the prompt: a `[y/N]` confirmation before a
/// bulk change (asked through the line reader, so editing keys and Ctrl-C work), and a progress
/// bar on stderr for long `each`/`wait` work (only at a terminal).
package final class ReplConsole: @unchecked Sendable {
    let reader: any LineReader
    let showsProgress: Bool
    let lock = NSLock()
    var progressVisible = false

    package init(reader: any LineReader, showsProgress: Bool) {
        self.reader = reader
        self.showsProgress = showsProgress
    }

    /// Asks `question` (e.g. "rerun 12 executions?"); true only for `y` or `yes`.
    package func confirm(_ question: String) async -> Bool {
        clearProgress()
        return await reader.confirm(question)
    }

    /// Draws or updates the progress bar: `each [=====>    ] 5/10`.
    package func progress(label: String, done: Int, total: Int?) {
        guard showsProgress else { return }
        let line = ProgressBar.render(label: label, done: done, total: total, width: LibEditLineReader.terminalWidth())
        lock.lock()
        progressVisible = true
        lock.unlock()
        fputs("\r" + line + "\u{1B}[K", clibedit_stderr())
        fflush(clibedit_stderr())
    }

    /// Removes the progress bar, if one is shown (call before printing results).
    package func clearProgress() {
        lock.lock()
        let visible = progressVisible
        progressVisible = false
        lock.unlock()
        guard visible else { return }
        fputs("\r\u{1B}[K", clibedit_stderr())
        fflush(clibedit_stderr())
    }
}

/// Renders one progress line, fitting `width` columns.
package enum ProgressBar {
    package static func render(label: String, done: Int, total: Int?, width: Int) -> String {
        guard let total, total > 0 else { return "\(label) \(done) done" }
        let clamped = min(max(done, 0), total)
        let counter = " \(clamped)/\(total)"
        let barWidth = max(10, min(40, width - label.count - counter.count - 4))
        let filled = barWidth * clamped / total
        var bar = String(repeating: "=", count: filled)
        if filled < barWidth {
            bar += clamped > 0 ? ">" : " "
            bar += String(repeating: " ", count: barWidth - filled - 1)
        }
        return "\(label) [\(bar)]\(counter)"
    }
}
