import Foundation

/// What a bulk change would touch, as the confirmation shows it:
///
///     rerun 12 executions
///       by agent:  Lead Enricher 8, Ticket Triage 4
///       by status: failed 10, cancelled 2
///       3c90c3cc-…  Lead Enricher  failed  2026-11-30T10:02:00Z
///       … and 9 more
///     rerun 12 executions?
///
/// The breakdown and columns come from execution records; bare ids show only the count and the ids.
/// The last line is the question itself (a line reader asks it as its prompt).
package struct BulkPreview: Sendable {
    package let verb: String
    package let items: [Value]
    /// How many items are listed.
    package var shown = 5
    /// How many groups of a breakdown are named before the rest are summed up.
    package var groups = 4

    package init(verb: String, items: [Value]) {
        self.verb = verb
        self.items = items
    }

    package var question: String { "\(verb) \(items.count) execution\(items.count == 1 ? "" : "s")?" }

    package func text(width: Int = 100) -> String {
        let rows = items.map(Row.init)
        var lines = [String(question.dropLast())]
        if rows.contains(where: { $0.agent != nil }) { lines.append("  by agent:  " + breakdown(rows.map(\.agent))) }
        if rows.contains(where: { $0.status != nil }) { lines.append("  by status: " + breakdown(rows.map(\.status))) }
        let listed = rows.prefix(shown)
        let agentWidth = listed.map { $0.agent.map { Self.clip($0, 24).count } ?? 0 }.max() ?? 0
        let statusWidth = listed.map { $0.status?.count ?? 0 }.max() ?? 0
        for row in listed {
            var columns = [row.id]
            if agentWidth > 0 { columns.append(Self.pad(Self.clip(row.agent ?? "", 24), agentWidth)) }
            if statusWidth > 0 { columns.append(Self.pad(row.status ?? "", statusWidth)) }
            if let created = row.created { columns.append(created) }
            let line = "  " + columns.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            lines.append(Self.clip(line, max(width, 40)))
        }
        if rows.count > listed.count { lines.append("  … and \(rows.count - listed.count) more") }
        lines.append(question)
        return lines.joined(separator: "\n")
    }

    /// `failed 10, cancelled 2, 4 in 3 others`: largest groups first (ties by name); items without the
    /// field count as `?`.
    func breakdown(_ keys: [String?]) -> String {
        var counts: [String: Int] = [:]
        for key in keys { counts[key ?? "?", default: 0] += 1 }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let named = sorted.count <= groups + 1 ? sorted.count : groups
        var parts = sorted.prefix(named).map { "\(Self.clip($0.key, 24)) \($0.value)" }
        if sorted.count > named {
            let rest = sorted.dropFirst(named)
            parts.append("\(rest.reduce(0) { $0 + $1.value }) in \(rest.count) others")
        }
        return parts.joined(separator: ", ")
    }

    /// One item's columns: from an execution record, or just the id.
    struct Row {
        var id: String
        var agent: String?
        var status: String?
        var created: String?

        init(_ item: Value) {
            guard let record = item.recordValue else {
                id = item.stringValue ?? item.literal
                return
            }
            id = record["id"]?.stringValue ?? item.literal
            agent = (record["agentName"] ?? record["agentId"])?.stringValue
            status = record["status"]?.stringValue
            created = record["createdAt"].flatMap { $0.isNull ? nil : $0.text }
        }
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
