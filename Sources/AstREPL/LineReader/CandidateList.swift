/// Lays out completion candidates in columns, like a shell's second Tab.
package enum CandidateList {
    /// Rows of candidates, column-major, padded to the widest one, fitting in `width` cells.
    /// At most `limit` candidates are shown; a last line says how many more there are.
    package static func format(_ items: [String], width: Int, limit: Int = 200) -> String {
        guard !items.isEmpty else { return "" }
        let shown = Array(items.prefix(limit))
        let cell = (shown.map(displayWidth).max() ?? 0) + 2
        let columns = max(1, min(shown.count, max(width, 1) / max(cell, 1)))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let item = shown[index]
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                line += isLast ? item : item + String(repeating: " ", count: cell - displayWidth(item))
            }
            lines.append(line)
        }
        if items.count > shown.count {
            lines.append("… and \(items.count - shown.count) more")
        }
        return lines.joined(separator: "\n")
    }

    /// Terminal cells taken by `text`: East Asian wide scalars take two, combining marks none.
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark { return total }
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            return total + (wide ? 2 : 1)
        }
    }
}
