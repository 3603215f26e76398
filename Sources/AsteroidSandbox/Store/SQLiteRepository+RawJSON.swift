import AsteroidModels
import Foundation
import GRDB

/// The read hot path: the stored `body` already is the execution's wire JSON (written with the shared
/// encoder), so `GET /executions/{id}` and `GET /executions` splice it into the response instead of
/// decoding and re-encoding it.
extension SQLiteRepository {
    func executionJSON(_ id: String) async throws -> String? {
        try await dbRead { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT body FROM executions WHERE id = ? AND deleted_at IS NULL"),
                arguments: [id.lowercased()])
        }
    }

    func listExecutionsJSON(_ query: ListExecutionsQuery, now: Date) async throws -> RawPage {
        let filter = Self.whereClause(query, now: now)
        let pageSize = query.pageSize ?? 10
        let page = query.page ?? 1
        return try await dbRead { db in
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM executions e WHERE \(filter.sql)", arguments: filter.arguments)
                ?? 0
            var arguments = filter.arguments
            arguments += [pageSize, (page - 1) * pageSize]
            let bodies = try String.fetchAll(db, sql: Self.pageSQL(query, filter: filter.sql), arguments: arguments)
            return RawPage(items: bodies, page: page, pageSize: pageSize, total: total)
        }
    }

    /// The page query; its two last arguments are LIMIT and OFFSET.
    static func pageSQL(_ query: ListExecutionsQuery, filter: String) -> String {
        let (field, direction) = query.effectiveSort
        let order = direction == .asc ? "ASC" : "DESC"
        let column =
            switch field {
            case .status: "e.status"
            case .startedAt: "e.started_at"
            default: "e.created_at"
            }
        // Ties break on creation time, then insertion order. Naming `created_at` twice (when it is the sort
        // column) makes SQLite sort every matching row for each page instead of walking the index.
        let orderBy =
            column == "e.created_at"
            ? "e.created_at \(order), e.seq \(order)"
            : "\(column) \(order), e.created_at \(order), e.seq \(order)"
        return "SELECT e.body FROM executions e WHERE \(filter) ORDER BY \(orderBy) LIMIT ? OFFSET ?"
    }
}

/// A page whose items are already-encoded JSON objects.
struct RawPage: Sendable {
    var items: [String]
    var page: Int
    var pageSize: Int
    var total: Int

    /// The same bytes `AsteroidJSON` writes for a `Page` (sorted keys: items, page, pageSize, total).
    var json: String {
        var out = "{\"items\":["
        out.reserveCapacity(items.reduce(64) { $0 + $1.utf8.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            out += item
        }
        out += "],\"page\":\(page),\"pageSize\":\(pageSize),\"total\":\(total)}"
        return out
    }
}
