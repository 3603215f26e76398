import CLibEdit
import Foundation

/// The prompt's history: a libedit `History` (so Up, Down and Ctrl-R work inside the editor) kept in
/// a file that survives restarts.
///
/// - The size is bounded with `H_SETSIZE`, sent before `H_LOAD` (a fresh `History` keeps nothing
///   until it is). The file is rewritten whole, never truncated in place: libedit's truncate drops
///   the `_HiStOrY_V2_` header and the file then fails to load.
/// - The file is created 0600 inside a 0700 directory, written to a temporary sibling and renamed,
///   so a crash never leaves half a file. Each new line is merged into the file as it is on disk,
///   so two prompts open at once keep both their histories.
/// - Lines the policy refuses (secrets, leading space) are neither entered nor written; lines that
///   an older file holds and the policy now refuses are dropped on load.
///
/// Not thread-safe: used by the REPL loop and the line editor one call at a time.
package final class ReplHistory: @unchecked Sendable {
    package let policy: HistoryPolicy
    package let path: String?
    package let capacity: Int
    let handle: OpaquePointer
    /// False once the file proved unreadable as a history (it is then left untouched).
    var writable = true
    /// A problem with the file not yet shown to the user.
    var pendingProblem: String?

    /// Fails only when libedit cannot allocate a history.
    package init?(policy: HistoryPolicy, path: String?, capacity: Int = 1000) {
        guard let handle = history_init() else { return nil }
        self.policy = policy
        self.path = path
        self.capacity = max(1, capacity)
        self.handle = handle
        clibedit_hist_setsize(handle, Int32(self.capacity))
        clibedit_hist_setunique(handle, 1)
    }

    deinit {
        history_end(handle)
    }

    /// Loads the file, if any, keeping only what the policy admits. Returns the number of entries.
    @discardableResult
    package func load() -> Int {
        guard let path, Self.hasContent(path) else { return 0 }
        guard let scratch = history_init() else { return 0 }
        defer { history_end(scratch) }
        clibedit_hist_setsize(scratch, Int32(capacity))
        guard clibedit_hist_load(scratch, path) >= 0 else {
            refuse(path)
            return 0
        }
        var dropped = 0
        for entry in Self.entries(of: scratch) {
            if policy.admits(entry) {
                clibedit_hist_enter(handle, entry)
            } else {
                dropped += 1
            }
        }
        if dropped > 0 { save() }
        return entries.count
    }

    /// Adds a line typed at the prompt, if the policy admits it, and saves. Returns true when kept.
    @discardableResult
    package func add(_ line: String) -> Bool {
        let entry = line.hasSuffix("\n") ? String(line.dropLast()) : line
        guard policy.admits(entry) else { return false }
        clibedit_hist_enter(handle, entry)
        appendToFile(entry)
        return true
    }

    /// Adds `entry` to the file as it is now, so two prompts open at once both keep their lines
    /// (each re-reads the file before writing it back, bounded to `capacity`).
    func appendToFile(_ entry: String) {
        guard let path, writable, let merged = history_init() else { return }
        defer { history_end(merged) }
        clibedit_hist_setsize(merged, Int32(capacity))
        clibedit_hist_setunique(merged, 1)
        if Self.hasContent(path), clibedit_hist_load(merged, path) < 0 {
            refuse(path)
            return
        }
        clibedit_hist_enter(merged, entry)
        if !write(merged, to: path) {
            writable = false
            pendingProblem =
                "cannot write \(path) (\(String(cString: strerror(errno)))): this session's lines will not be kept"
        }
    }

    /// A problem with the history file, returned once (the REPL shows it on stderr).
    package func takeProblem() -> String? {
        defer { pendingProblem = nil }
        return pendingProblem
    }

    /// Leaves a file that is not a libedit history alone: never overwrite what we cannot read.
    func refuse(_ path: String) {
        writable = false
        pendingProblem =
            "\(path) is not a history file ast can read; it is left as it is and this session's lines will not be kept"
    }

    static func hasContent(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    /// All entries, oldest first.
    package var entries: [String] {
        Self.entries(of: handle)
    }

    /// Writes the file (0600) through a temporary sibling and a rename. Returns false on failure.
    @discardableResult
    package func save() -> Bool {
        guard let path, writable else { return false }
        return write(handle, to: path)
    }

    @discardableResult
    func write(_ history: OpaquePointer, to path: String) -> Bool {
        guard HistoryLocation.prepareDirectory(for: path) else { return false }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return false }
        fchmod(fd, 0o600)
        close(fd)
        guard clibedit_hist_save(history, temporary) >= 0 else {
            unlink(temporary)
            return false
        }
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func entries(of history: OpaquePointer) -> [String] {
        var result: [String] = []
        var current = clibedit_hist_last(history)
        while let pointer = current {
            result.append(String(cString: pointer))
            current = clibedit_hist_prev(history)
        }
        return result
    }
}
