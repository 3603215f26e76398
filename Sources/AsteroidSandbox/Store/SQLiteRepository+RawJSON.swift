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
        let key = filter.sql + "\u{1}" + filter.arguments.description
        let generation = totals.generation
        return try await dbRead { db in
            let total: Int
            if let known = self.totals.total(key, generation: generation) {
                total = known
            } else {
                total =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM executions e WHERE \(filter.sql)", arguments: filter.arguments)
                    ?? 0
                self.totals.store(key, total, generation: generation)
            }
            var arguments = filter.arguments
            arguments += [pageSize, Paging.offset(page: page, pageSize: pageSize)]
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

/// The totals of recent listings, good until the next write. Paging through a listing asks for the same
/// total on every page, and counting 100,000 live executions is most of a page's cost (≈ 5 of 8 ms).
///
/// `generation` counts finished writes. A reader notes it before it counts and stores the total under
/// that number, and a write bumps it after it commits, so a total that may predate a write is never
/// served after that write has finished.
final class ListingTotals: @unchecked Sendable {
    private let lock = NSLock()
    private var writes: UInt64 = 0
    private var totals: [String: (generation: UInt64, total: Int)] = [:]

    var generation: UInt64 { lock.withLock { writes } }

    func total(_ key: String, generation: UInt64) -> Int? {
        lock.withLock {
            guard generation == writes, let entry = totals[key], entry.generation == generation else { return nil }
            return entry.total
        }
    }

    func store(_ key: String, _ total: Int, generation: UInt64) {
        lock.withLock {
            if totals.count >= 64 { totals.removeAll(keepingCapacity: true) }
            totals[key] = (generation, total)
        }
    }

    func writeFinished() { lock.withLock { writes &+= 1 } }
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
