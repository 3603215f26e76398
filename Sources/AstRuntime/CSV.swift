import Foundation

/// CSV out (RFC 4180 quoting) and in.
package enum CSV {
    package static func encode(_ value: Value) -> String {
        let rows: [Value]
        if case .list(let items) = value { rows = items } else { rows = [value] }
        var headers: [String] = []
        for row in rows {
            for key in row.recordValue?.keys ?? ["value"] where !headers.contains(key) { headers.append(key) }
        }
        var lines = [headers.map(quote).joined(separator: ",")]
        for row in rows {
            let fields = headers.map { header -> String in
                let cell = row.recordValue?[header] ?? (row.recordValue == nil && header == "value" ? row : .null)
                switch cell {
                case .null: return ""
                case .list, .record: return quote(JSONText.encode(cell))
                default: return quote(cell.text)
                }
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses CSV with a header row into records of strings (numbers stay strings; convert as needed).
    package static func decode(_ text: String) -> [Value] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { cells in
            .record(
                Record(
                    header.enumerated().map { ($0.element, .string($0.offset < cells.count ? cells[$0.offset] : "")) }))
        }
    }
}
