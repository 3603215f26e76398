import AstCommands
import Foundation

/// The session settings the prompt itself acts on after an entry: `set pager off`, `set timing true`.
package struct PromptSettings: Sendable, Equatable {
    package var pager = false
    package var timing = false

    package init(pager: Bool = false, timing: Bool = false) {
        self.pager = pager
        self.timing = timing
    }
}

/// An engine whose session has prompt settings (the language's `set pager`, `set timing`).
package protocol PromptSettingsSource {
    var promptSettings: PromptSettings { get }
}

extension SessionReplEngine: PromptSettingsSource {
    package var promptSettings: PromptSettings {
        let settings = session.interpreter.settings
        return PromptSettings(pager: settings.pager, timing: settings.timing)
    }
}

extension GatedReplEngine: PromptSettingsSource {
    package var promptSettings: PromptSettings { inner.promptSettings }
}

/// The pager and the timing line.
package enum PromptComforts {
    /// `$PAGER` when set (empty: no pager), else `less -FRX` when `less` is on PATH, else none.
    package static func pagerCommand(environment: [String: String]) -> String? {
        if let pager = environment["PAGER"] { return pager.trimmingCharacters(in: .whitespaces).isEmpty ? nil : pager }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let hasLess = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") }
        return hasLess ? "less -FRX" : nil
    }

    /// True when `text` does not fit in a terminal of `rows` rows (one row is kept for the prompt).
    package static func isTaller(_ text: String, than rows: Int) -> Bool {
        guard rows > 1 else { return false }
        var lines = 1
        for character in text.utf8 where character == UInt8(ascii: "\n") {
            lines += 1
            if lines >= rows { return true }
        }
        return false
    }

    /// `time 0.412 s · 3 requests` (psql's `\timing`), on stderr after each entry.
    package static func timingLine(_ elapsed: Duration, requests: Int?) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let time = "time " + String(format: "%.3f s", seconds)
        guard let requests else { return time }
        return time + " · \(requests) request\(requests == 1 ? "" : "s")"
    }

    /// Rows of the terminal on stdout (0 when it is not one).
    package static func terminalRows() -> Int {
        var size = winsize()
        guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return 0 }
        return Int(size.ws_row)
    }
}
