import Foundation

/// Turns a result into text for the terminal or for a pipe. At a terminal: tables for lists of records,
/// key/value lines for a record. Elsewhere: JSON Lines (strings print as they are).
package struct Renderer: Sendable {
    package var settings: Settings

    package init(settings: Settings) { self.settings = settings }

    var format: Settings.Format {
        if settings.format != .auto { return settings.format }
        return settings.terminalOutput ? .table : .jsonl
    }

    /// Writes a result; streams are written item by item in JSON Lines mode.
    package func emit(_ value: Value, to output: OutputSink) async throws {
        if case .null = value { return }
        if case .string(let s) = value, format != .json {
            output.write(s.hasSuffix("\n") ? s : s + "\n")
            return
        }
        if format == .jsonl || format == .text, case .stream(let stream) = value {
            let iterator = stream.makeIterator()
            while let item = try await iterator.next() {
                try Task.checkCancellation()
                output.write(line(item) + "\n")
            }
            return
        }
        let text = try await render(value.materialized())
        if !text.isEmpty { output.write(text.hasSuffix("\n") ? text : text + "\n") }
    }

    func line(_ value: Value) -> String {
        if format == .text { return value.text }
        return JSONText.encode(value)
    }

    package func render(_ value: Value) -> String {
        switch format {
        case .json: return JSONText.encode(value, pretty: true)
        case .jsonl, .text:
            if case .list(let items) = value { return items.map(line).joined(separator: "\n") }
            return line(value)
        case .csv: return CSV.encode(value)
        case .table, .auto: return Table.render(value, width: settings.width, color: settings.color)
        }
    }
}

/// Terminal tables and key/value listings.
package enum Table {
    package static func render(_ value: Value, width: Int, color: Bool) -> String {
        switch value {
        case .list(let items) where !items.isEmpty && items.allSatisfy({ $0.recordValue != nil }):
            return table(items.compactMap(\.recordValue), width: width, color: color)
        case .list(let items):
            // One per line, as they are: ids copy cleanly (an index column would be copied with them).
            return items.map { cell($0) }.joined(separator: "\n")
        case .record(let record) where record.schema?.view != nil:
            return record.schema?.view?(record) ?? ""
        case .record(let record):
            let keyWidth = record.keys.map(\.count).max() ?? 0
            let now = Date()
            return record.pairs.map { pair in
                let key = pair.key.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
                // One record at a time has room for the zone and the age: `2026-12-01 10:00:05 UTC (5m ago)`.
                if case .time(let date) = pair.value { return "\(key)  \(LocalTime.textWithAge(date, now: now))" }
                return "\(key)  \(paint(pair.key, cell(pair.value), color: color))"
            }.joined(separator: "\n")
        default:
            return value.text
        }
    }

    static func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .time(let date): return LocalTime.wall(date)
        case .record(let record): return "{\(record.count) field\(record.count == 1 ? "" : "s")}"
        case .list(let items) where items.contains(where: { $0.recordValue != nil }): return "[\(items.count) items]"
        default: return value.text.replacingOccurrences(of: "\n", with: " ")
        }
    }

    static func table(_ rows: [Record], width: Int, color: Bool) -> String {
        var columns: [(title: String, path: String)]
        if let schema = rows.first?.schema, !schema.columns.isEmpty {
            columns = schema.columns
        } else {
            var seen: [String] = []
            for row in rows { for key in row.keys where !seen.contains(key) { seen.append(key) } }
            columns = seen.map { ($0, $0) }
        }
        let cells: [[String]] = rows.map { row in
            columns.map { column in
                cell(value(row, column.path))
            }
        }
        // A column of times says its zone once, in its title: `created (UTC)`; cells are local wall times,
        // kept whole when the table is narrowed (a cut time reads as a different time).
        var timeColumns: Set<Int> = []
        for index in columns.indices where rows.contains(where: { timeValue($0, columns[index].path) != nil }) {
            timeColumns.insert(index)
            let marker = rows.lazy.compactMap { timeValue($0, columns[index].path) }.first.map {
                LocalTime.marker(LocalTime.zone, at: $0)
            }
            columns[index].title += " (\(marker ?? "UTC"))"
        }
        var widths = columns.indices.map { index in
            max(columns[index].title.count, cells.map { $0[index].count }.max() ?? 0)
        }
        let separator = 2
        func widestShrinkable() -> Int? {
            let candidates = widths.indices.filter { !timeColumns.contains($0) && widths[$0] > 6 }
            return (candidates.isEmpty ? Array(widths.indices) : candidates).max { widths[$0] < widths[$1] }
        }
        while widths.reduce(0, +) + separator * (widths.count - 1) > width, let widest = widestShrinkable(),
            widths[widest] > 6
        {
            widths[widest] -= 1
        }
        func fit(_ text: String, _ w: Int) -> String {
            if text.count <= w { return text.padding(toLength: w, withPad: " ", startingAt: 0) }
            return String(text.prefix(max(0, w - 1))) + "…"
        }
        var lines: [String] = []
        let header = columns.indices.map { fit(columns[$0].title, widths[$0]) }.joined(separator: "  ")
        lines.append(color ? "\u{1B}[1m\(header)\u{1B}[0m" : header)
        for row in cells {
            let line = columns.indices.map { index in
                paint(columns[index].title, fit(row[index], widths[index]), color: color)
            }.joined(separator: "  ")
            lines.append(line)
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(
            separator: "\n")
    }

    static func timeValue(_ row: Record, _ path: String) -> Date? {
        if case .time(let date) = value(row, path) { return date }
        return nil
    }

    /// A column's value: a dotted path, or alternatives `a.b|a.c` (the first that is not null).
    static func value(_ row: Record, _ path: String) -> Value {
        for alternative in path.split(separator: "|") {
            var value: Value = .record(row)
            for part in alternative.split(separator: ".") { value = value.recordValue?[String(part)] ?? .null }
            if !value.isNull { return value }
        }
        return .null
    }

    /// Colours a status cell: green completed, red failed, yellow running, grey cancelled.
    static func paint(_ column: String, _ text: String, color: Bool) -> String {
        guard color, column == "status" else { return text }
        let code: String
        switch text.trimmingCharacters(in: .whitespaces) {
        case "completed": code = "32"
        case "failed": code = "31"
        case "running", "starting": code = "33"
        case "queued": code = "36"
        case "cancelled": code = "90"
        case "paused", "paused_by_agent", "awaiting_confirmation": code = "35"
        default: return text
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
