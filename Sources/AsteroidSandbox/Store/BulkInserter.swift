import Foundation
import GRDB

/// Multi-row `INSERT … VALUES (…), (…), …` for bulk seeding: one prepared statement per `batch` rows
/// instead of one statement execution per row (the per-step overhead dominated a 100k-row seed).
struct BulkInserter {
    private let db: Database
    private let table: String
    private let columns: String
    private let width: Int
    private let batch: Int
    private var pending: [(any DatabaseValueConvertible)?] = []
    private var full: Statement?

    init(_ db: Database, table: String, columns: String, width: Int, batch: Int) {
        self.db = db
        self.table = table
        self.columns = columns
        self.width = width
        self.batch = batch
        pending.reserveCapacity(width * batch)
    }

    mutating func add(_ row: [(any DatabaseValueConvertible)?]) throws {
        pending.append(contentsOf: row)
        if pending.count >= width * batch { try flush() }
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let rows = pending.count / width
        let statement: Statement
        if rows == batch, let full {
            statement = full
        } else {
            statement = try db.makeStatement(sql: sql(rows: rows))
            if rows == batch { full = statement }
        }
        try statement.execute(arguments: StatementArguments(pending))
        pending.removeAll(keepingCapacity: true)
    }

    private func sql(rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(columns)) VALUES " + Array(repeating: one, count: rows).joined(separator: ",")
    }
}
