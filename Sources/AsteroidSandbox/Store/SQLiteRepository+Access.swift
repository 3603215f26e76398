import GRDB

/// How the repository reaches SQLite.
///
/// The in-memory database (a `DatabaseQueue`; `SandboxDatabase` opens files as a `DatabasePool`) is called
/// on the caller's own thread: a serial queue's `sync` runs the block right there when the queue is free,
/// and these calls take tens of microseconds, less than GRDB's async access spends handing the work to
/// its queue and the result back (two thread wake-ups per call). A file database keeps the async access:
/// its writes wait for `fsync`, which must not stall the event loop that serves every other request.
///
/// Reads of the in-memory database skip GRDB's read isolation: on a `DatabaseQueue` it is a transaction
/// wrapped in `PRAGMA query_only = 1` … `= 0`, and SQLite expires every prepared statement whenever a
/// flag pragma changes, so each read made every cached statement compile again on its next use (a fifth
/// of the sandbox's CPU under a bulk rerun, measured with `perf`). One connection that runs one closure at
/// a time already isolates a read; what is lost is only the guard against a write inside a read closure.
extension SQLiteRepository {
    func dbRead<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        if callsDirectly { return try Self.readNow(writer, body) }
        return try await writer.read(body)
    }

    func dbWrite<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        defer { totals.writeFinished() }
        if callsDirectly { return try Self.writeNow(writer, body) }
        return try await writer.write(body)
    }

    // Synchronous contexts, so that the overloads chosen are GRDB's blocking ones.
    private static func readNow<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.unsafeRead(body)
    }

    private static func writeNow<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }
}
