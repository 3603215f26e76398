import Foundation

/// The prompt's `history` command: `history` lists the last 20 entries, `history N` the last N.
/// It lives in the REPL because the history does; scripts have none.
enum HistoryCommand {
    static let defaultCount = 20

    /// Returns the listing when `entry` is a `history` command, nil otherwise.
    static func run(_ entry: String, history: ReplHistory?) -> String? {
        let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.first == "history", words.count <= 2 else { return nil }
        var count = defaultCount
        if words.count == 2 {
            guard let n = Int(words[1]), n > 0 else { return nil }
            count = n
        }
        return listing(history?.entries ?? [], count: count)
    }

    /// Numbered entries (1 is the oldest kept), continuation lines indented under the first.
    static func listing(_ entries: [String], count: Int) -> String {
        guard !entries.isEmpty else { return "(no history yet)" }
        let first = max(0, entries.count - count)
        let width = String(entries.count).count
        return entries[first...].enumerated().map { offset, entry in
            let number = String(first + offset + 1)
            let pad = String(repeating: " ", count: width - number.count)
            let body = entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2))
            return pad + number + "  " + body
        }.joined(separator: "\n")
    }
}
