import GRDB

/// How the repository reaches SQLite.
///
/// The in-memory database (a `DatabaseQueue`; `SandboxDatabase` opens files as a `DatabasePool`) is called
/// on the caller's own thread: a serial queue's `sync` runs the block right there when the queue is free,
/// and these calls take tens of microseconds, less than GRDB's async access spends handing the work to
/// its queue and the result back (two thread wake-ups per call). A file database keeps the async access:
/// its writes wait for `fsync`, which must not stall the event loop that serves every other request.
extension SQLiteRepository {
    func dbRead<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        if callsDirectly { return try Self.readNow(writer, body) }
        return try await writer.read(body)
    }

    func dbWrite<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        if callsDirectly { return try Self.writeNow(writer, body) }
        return try await writer.write(body)
    }

    // Synchronous contexts, so that the overloads chosen are GRDB's blocking ones.
    private static func readNow<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    private static func writeNow<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }
}
