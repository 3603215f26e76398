import Foundation

/// What one bulk stage had done at one moment.
package struct ProgressSnapshot: Sendable, Equatable {
    package var label: String
    package var total: Int?
    package var noun: String
    package var inFlightWord: String
    package var started = 0
    /// Completed items, failed ones included.
    package var done = 0
    package var failed = 0
    /// The stage's own account (``ProgressTask/account``), which the summary shows instead of the counts.
    package var account: String?

    package init(
        label: String, total: Int?, noun: String = "item", inFlightWord: String = "cancelled",
        started: Int = 0, done: Int = 0, failed: Int = 0
    ) {
        self.label = label
        self.total = total
        self.noun = noun
        self.inFlightWord = inFlightWord
        self.started = started
        self.done = done
        self.failed = failed
    }

    /// A single item is not worth a bar.
    var isDrawable: Bool { total.map { $0 > 1 } ?? true }

    func plural(_ count: Int) -> String { count == 1 ? noun : noun + "s" }

    /// `each completed 2 of 5 items (1 failed, 1 cancelled, 2 not started)`.
    package var summary: String {
        if let account { return "\(label): \(account)" }
        var text = "\(label) completed \(done)"
        if let total { text += " of \(total) \(plural(total))" } else { text += " \(plural(done))" }
        var details: [String] = []
        if failed > 0 { details.append("\(failed) failed") }
        let inFlight = max(0, started - done)
        if inFlight > 0 { details.append("\(inFlight) \(inFlightWord)") }
        if let total, total > started { details.append("\(total - started) not started") }
        return details.isEmpty ? text : text + " (" + details.joined(separator: ", ") + ")"
    }

    /// `each: 3/10 ▕███░░░░░░░▏ 2 failed`, fitting `width` columns; green/red unless `color` is off.
    package func line(width: Int, color: Bool) -> String {
        let failures = failed > 0 ? " \(failed) failed" : ""
        let paintedFailures = failed > 0 && color ? " \u{1B}[31m\(failed) failed\u{1B}[0m" : failures
        guard let total, total > 0 else { return "\(label): \(done) done" + paintedFailures }
        let clamped = min(max(done, 0), total)
        let head = "\(label): \(clamped)/\(total) "
        let barWidth = max(0, min(30, width - head.count - failures.count - 3))
        guard barWidth >= 5 else { return head.trimmingTrailingSpace() + paintedFailures }
        let filled = barWidth * clamped / total
        let full = String(repeating: "█", count: filled)
        let empty = String(repeating: "░", count: barWidth - filled)
        let bar = color ? "\u{1B}[32m\(full)\u{1B}[2m\(empty)\u{1B}[0m" : full + empty
        return head + "▕" + bar + "▏" + paintedFailures
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Where a progress line is drawn.
package protocol ProgressDisplay: AnyObject, Sendable {
    /// Draws (or redraws in place) the line for `stage`.
    func draw(_ stage: ProgressSnapshot)
    /// Removes the line.
    func clear()
}
