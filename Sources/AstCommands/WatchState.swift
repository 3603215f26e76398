import Foundation

/// What `watch state=…` has yielded, kept across restarts: one line per execution, `ID CREATED` (created
/// as Unix seconds), appended and `fsync`ed as each item is handled (see `WatchPoller`), so a `kill -9`
/// loses at most what was in flight — and that is yielded again (see `WatchCommand` on why again, not never).
/// An item the consumer failed is not handled; its failures are kept as `ID CREATED FAILURES` lines, so a
/// restart (or a crash loop) does not grant `retry-failed=` again: the largest count read wins, and a
/// handled line wins over any count.
///
/// On open, a torn last line (a crash mid-write) is ignored and entries older than the look-back window
/// (no poll can list them again) are dropped: the file is rewritten to a temporary file, synced and
/// renamed over the old one, so it is always either the old or the new complete file. A watch that runs
/// for weeks forgets old entries at each poll (`forget(before:)`) and compacts the file the same way once
/// most of its lines are forgotten ones, so neither memory nor the file grows without bound.
final class WatchState: @unchecked Sendable {
    let path: String?
    /// Read but never written (`--dry-run`).
    let readOnly: Bool
    private let lock = NSLock()
    private var seen: [String: Double] = [:]
    /// Items failed and not handled since: when created (Unix seconds) and how many times they failed.
    private var failed: [String: (created: Double, count: Int)] = [:]
    private var handle: FileHandle?
    /// Serialises writes to the file (appends, and compaction swapping it), apart from `lock`.
    private let fileLock = NSLock()
    /// Lines in the file now (live ones and forgotten ones alike).
    private var lines = 0
    /// Forgotten lines tolerated in the file beyond the live ones before it is compacted.
    private let slack: Int

    struct StateError: Error, CustomStringConvertible { let description: String }

    /// A state in memory only (no `state=`).
    init() {
        path = nil
        readOnly = false
        slack = 0
    }

    /// Opens (or creates) the state file, keeping entries created after `keepAfter`.
    init(path: String, keepAfter: Date, readOnly: Bool = false, slack: Int = 4096) throws {
        self.path = path
        self.readOnly = readOnly
        self.slack = slack
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty, !readOnly {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            if let data = FileManager.default.contents(atPath: path) {
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count == 2 || parts.count == 3, let created = Double(parts[1]), !parts[0].isEmpty,
                        created >= keepAfter.timeIntervalSince1970
                    else { continue }
                    let id = String(parts[0])
                    if parts.count == 2 {
                        seen[id] = created
                    } else if let count = Int(parts[2]), count > 0 {
                        // A count past any allowance (retry-failed= is at most 1000) is read as that: a damaged
                        // or hand-edited line cannot overflow the count kept on top of it.
                        failed[id] = (created, max(min(count, Self.maxFailures), failed[id]?.count ?? 0))
                    }
                }
                for id in seen.keys { failed[id] = nil }
            }
            guard !readOnly else { return }
            try rewrite()
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle?.seekToEnd()
        } catch {
            throw StateError(description: "cannot use the watch state \(path): \(error.localizedDescription)")
        }
    }

    deinit { try? handle?.close() }

    func contains(_ id: String) -> Bool { lock.withLock { seen[id] != nil } }

    /// The largest failure count read from a file (above `retry-failed=`'s limit of 1000).
    static let maxFailures = 1_001

    /// How many times the consumer failed on an item not handled since (0: never, or not kept).
    func failures(of id: String) -> Int { lock.withLock { failed[id]?.count ?? 0 } }

    var count: Int { lock.withLock { seen.count } }

    /// Records executions as handled: in memory, and durably (appended, then `fsync`) with a file.
    func record(_ entries: [(id: String, created: Date)]) throws {
        guard !entries.isEmpty else { return }
        var text = ""
        lock.withLock {
            for entry in entries where seen[entry.id] == nil {
                seen[entry.id] = entry.created.timeIntervalSince1970
                failed[entry.id] = nil
                text += Self.line(entry.id, entry.created.timeIntervalSince1970)
            }
        }
        try append(text)
    }

    /// Records that the consumer failed on an item for the `count`-th time (it stays unhandled).
    func recordFailure(id: String, created: Date, count: Int) throws {
        let text: String? = lock.withLock {
            guard seen[id] == nil else { return nil }
            failed[id] = (created.timeIntervalSince1970, count)
            return Self.line(id, created.timeIntervalSince1970, failures: count)
        }
        try append(text ?? "")
    }

    /// Appends lines to the state file and `fsync`s it (nothing without a file).
    private func append(_ text: String) throws {
        guard !text.isEmpty else { return }
        try fileLock.withLock {
            guard let handle else { return }
            do {
                try handle.write(contentsOf: Data(text.utf8))
                try handle.synchronize()
            } catch {
                throw StateError(
                    description: "cannot write the watch state \(path ?? ""): \(error.localizedDescription)")
            }
            lines += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
    }

    /// Forgets entries created before `date` (no poll can list them again), and compacts the file once it
    /// holds more than `slack` forgotten lines beyond the live ones.
    func forget(before date: Date) throws {
        let cutoff = date.timeIntervalSince1970
        let live = lock.withLock {
            seen = seen.filter { $0.value >= cutoff }
            failed = failed.filter { $0.value.created >= cutoff }
            return seen.count + failed.count
        }
        try fileLock.withLock {
            guard let path, handle != nil, lines > live + slack else { return }
            do {
                try handle?.close()
                handle = nil
                try rewrite()
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle?.seekToEnd()
            } catch {
                throw StateError(
                    description: "cannot compact the watch state \(path): \(error.localizedDescription)")
            }
        }
    }

    static func seconds(_ date: Date) -> String { String(format: "%.3f", date.timeIntervalSince1970) }

    /// One line of the file: `ID CREATED` for a handled item, `ID CREATED FAILURES` for a failing one.
    static func line(_ id: String, _ created: Double, failures: Int? = nil) -> String {
        "\(id) \(seconds(Date(timeIntervalSince1970: created)))\(failures.map { " \($0)" } ?? "")\n"
    }

    /// Writes the kept entries to `PATH.tmp`, syncs it and renames it over the state file.
    private func rewrite() throws {
        guard let path else { return }
        let temporary = path + ".tmp"
        let (seen, failed) = lock.withLock { (self.seen, self.failed) }
        let handled = seen.sorted { $0.value < $1.value }.map { Self.line($0.key, $0.value) }
        let failing = failed.sorted { $0.value.created < $1.value.created }.map {
            Self.line($0.key, $0.value.created, failures: $0.value.count)
        }
        let text = (handled + failing).joined()
        lines = handled.count + failing.count
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw StateError(description: "cannot write \(temporary)") }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try file.synchronize()
        try file.close()
        guard rename(temporary, path) == 0 else {
            throw StateError(description: "cannot rename \(temporary) to \(path): errno \(errno)")
        }
    }

    /// Where a named state lives: `$XDG_STATE_HOME/ast/watch/NAME`, else `~/.local/state/ast/watch/NAME`.
    /// A value with a `/` (or starting with `.`) is a path as given.
    static func path(for value: String, environment: [String: String]) -> String? {
        if value.contains("/") || value.hasPrefix(".") { return value }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/ast/watch/" + value }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/ast/watch/" + value
    }
}
