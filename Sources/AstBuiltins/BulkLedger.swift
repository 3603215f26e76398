import AstRuntime
import AstSyntax
import Foundation

/// The account of one bulk change (`each rerun`, `[…] | cancel`): for every item, whether its request
/// was answered (done), failed, has an unknown outcome, was skipped, or never started.
///
/// The stage running the items owns the ledger; the mutating command inside an item reports its
/// requests through the task-local ``current`` slot (``BulkSlot``), so an item whose request was
/// answered counts as done even when Ctrl-C lands during its read-back, and one whose request was in
/// flight counts as unknown. When the run ends the ledger sets `$failed` (the items not done, as
/// `{id, error, outcome}` records) and, when any item failed, defers the statement's failure with the
/// list of them (``Interpreter/deferFailure(_:)``) so the successes still reach the next stages.
package final class BulkLedger: @unchecked Sendable {
    enum Result: Equatable {
        case pending
        case done
        case skipped
        case failed(String)
        case unknown(String)
    }

    struct Entry {
        var item: Value
        var label: String
        var result = Result.pending
        var inFlight = 0
        var answered = 0
        var counted = false
        var started = false
    }

    /// The item the current task is working on (set by the stage for each item's task).
    @TaskLocal package static var current: BulkSlot?

    let label: String
    let interpreter: Interpreter
    let progress: ProgressTask?
    let lock = NSLock()
    var entries: [Entry]
    var finished = false
    /// Why items were skipped, in the order first seen, with how many each (`already rerun`, `its
    /// lineage reached --max-attempts 3`).
    var skipNotes: [(note: String, count: Int)] = []

    /// - `label`: the stage as the report names it (`each`, `rerun`).
    /// - `progress`: counted as requests are answered (so an interrupt's counts are exact), and given
    ///   the ledger's own account for the interrupt summary.
    package init(label: String, items: [Value], interpreter: Interpreter, progress: ProgressTask?) {
        self.label = label
        self.interpreter = interpreter
        self.progress = progress
        entries = items.map { Entry(item: $0, label: Self.id(of: $0) ?? $0.literal) }
        progress?.account = { [weak self] in self?.account ?? "" }
    }

    /// The slot of item `index` (for ``current``).
    package func slot(_ index: Int) -> BulkSlot { BulkSlot(ledger: self, index: index) }

    /// The execution id an item stands for (a string, or a record's `id` / `executionId`).
    package static func id(of item: Value) -> String? {
        if let record = item.recordValue { return record["id"]?.stringValue ?? record["executionId"]?.stringValue }
        return item.stringValue
    }

    // MARK: what the items report

    func update(_ index: Int, _ change: (inout Entry) -> Void) {
        lock.withLock {
            guard entries.indices.contains(index) else { return }
            change(&entries[index])
        }
    }

    /// Marks the item started on the progress board once (on its first request, or when it ends).
    func markStarted(_ index: Int) {
        var first = false
        update(index) { entry in
            first = !entry.started
            entry.started = true
        }
        if first { progress?.started() }
    }

    func requestSent(_ index: Int) {
        markStarted(index)
        update(index) { $0.inFlight += 1 }
    }

    func requestEnded(_ index: Int, succeeded: Bool) {
        var count = false
        update(index) { entry in
            entry.inFlight -= 1
            if succeeded {
                entry.answered += 1
                count = !entry.counted
                entry.counted = true
            }
        }
        if count { progress?.completed() }
    }

    func skip(_ index: Int, note: String) {
        update(index) { $0.result = .skipped }
        lock.withLock {
            if let known = skipNotes.firstIndex(where: { $0.note == note }) {
                skipNotes[known].count += 1
            } else {
                skipNotes.append((note, 1))
            }
        }
    }

    /// The item's action ended: successfully (`error` nil) or with an error (`unknown`: its outcome
    /// could not be told).
    package func finish(_ index: Int, error: String? = nil, unknown: Bool = false) {
        markStarted(index)
        var count = false
        var failed = false
        update(index) { entry in
            if let error {
                entry.result = unknown ? .unknown(error) : .failed(error)
                failed = !unknown
            } else if entry.result != .skipped {
                entry.result = .done
            }
            count = !entry.counted
            entry.counted = true
        }
        if count { progress?.completed(failed: failed) }
    }

    /// Finishes an item from the error its action threw.
    package func finish(_ index: Int, error: RuntimeError) {
        let unknown = error.details.contains { $0.0 == "outcome" && $0.1.stringValue == "unknown" }
        finish(index, error: error.diagnostic.message, unknown: unknown)
    }

    /// Whether the item was skipped (it yields nothing).
    package func isSkipped(_ index: Int) -> Bool {
        lock.withLock { entries.indices.contains(index) && entries[index].result == .skipped }
    }

    // MARK: the report

    enum Kind: String { case done, skipped, failed, unknown, notStarted = "not-started" }

    static func kind(_ entry: Entry) -> (Kind, String?) {
        switch entry.result {
        case .done: return (.done, nil)
        case .skipped: return (.skipped, nil)
        case .failed(let reason): return (.failed, reason)
        case .unknown(let reason): return (.unknown, reason)
        case .pending:
            if entry.inFlight > 0 { return (.unknown, "interrupted while its request was in flight; check with `get`") }
            if entry.answered > 0 { return (.done, nil) }
            return (.notStarted, "not started")
        }
    }

    /// What was done so far, for the interrupt summary: done ids, unknown ids, and how many never started.
    var account: String {
        let entries = lock.withLock { self.entries }
        var groups: [Kind: [String]] = [:]
        for entry in entries { groups[Self.kind(entry).0, default: []].append(entry.label) }
        func ids(_ labels: [String]) -> String {
            let shown = labels.prefix(10).joined(separator: ", ")
            return labels.count > 10 ? "\(shown), … \(labels.count - 10) more" : shown
        }
        var parts: [String] = []
        let done = groups[.done] ?? []
        parts.append(done.isEmpty ? "0 done" : "\(done.count) done (\(ids(done)))")
        if let failed = groups[.failed], !failed.isEmpty { parts.append("\(failed.count) failed (\(ids(failed)))") }
        if let unknown = groups[.unknown], !unknown.isEmpty {
            parts.append("\(unknown.count) unknown — check with `get` (\(ids(unknown)))")
        }
        if let skipped = groups[.skipped], !skipped.isEmpty { parts.append("\(skipped.count) skipped") }
        if let notStarted = groups[.notStarted], !notStarted.isEmpty { parts.append("\(notStarted.count) not started") }
        let notDone = (groups[.failed]?.count ?? 0) + (groups[.unknown]?.count ?? 0) + (groups[.notStarted]?.count ?? 0)
        return parts.joined(separator: ", ") + (notDone > 0 ? "; the \(notDone) not done are in $failed" : "")
    }

    /// Ends the run (once): sets `$failed`, says how many were skipped, and — unless interrupted — defers
    /// the statement's failure when any item failed or has an unknown outcome.
    /// - `retry`: the command that retries an item (`rerun`), for the hint.
    package func finalize(interrupted: Bool, span: Span?, source: SourceFile, retry: String) {
        let entries: [Entry]? = lock.withLock {
            guard !finished else { return nil }
            finished = true
            return self.entries
        }
        guard let entries else { return }
        progress?.account = nil
        var failedRecords: [Value] = []
        var lines: [String] = []
        var failed = 0
        var unknown = 0
        var skipped = 0
        for entry in entries {
            let (kind, reason) = Self.kind(entry)
            switch kind {
            case .done: continue
            case .skipped:
                skipped += 1
                continue
            case .failed: failed += 1
            case .unknown: unknown += 1
            case .notStarted: break
            }
            let id = Self.id(of: entry.item).map { Value.string($0) } ?? entry.item
            failedRecords.append(
                .record(
                    Record([
                        ("id", id), ("error", .string(reason ?? "")), ("outcome", .string(kind.rawValue)),
                    ])))
            if kind != .notStarted {
                lines.append(
                    "  - \(entry.label): "
                        + "\(kind == .unknown ? "outcome unknown (check with `get`): " : "")\(reason ?? "")"
                )
            }
        }
        interpreter.globals.define("failed", .list(failedRecords))
        if skipped > 0 {
            for (note, count) in lock.withLock({ skipNotes }) {
                interpreter.output.writeError("\(label): skipped \(count) \(count == 1 ? "item" : "items"): \(note)\n")
            }
        }
        guard !interrupted, failed + unknown > 0 else { return }
        let total = entries.count
        var head = "\(label): \(failed) of \(total) item\(total == 1 ? "" : "s") failed"
        if unknown > 0 {
            head =
                failed == 0
                ? "\(label): \(unknown) of \(total) item\(total == 1 ? "" : "s") had an unknown outcome"
                : head + " and \(unknown) had an unknown outcome"
        }
        let done = total - failedRecords.count - skipped
        let tail =
            "\(done) done; $failed holds the \(failed + unknown) not done (`$failed | each \(retry)` retries them)"
        interpreter.deferFailure(
            RuntimeError(
                Diagnostic(
                    DiagnosticCode.runtime,
                    head + ":\n" + lines.joined(separator: "\n") + "\n" + tail, span: span, source: source)))
    }
}

/// One item of a bulk change, as the command working on it sees it.
package struct BulkSlot: Sendable {
    package let ledger: BulkLedger
    package let index: Int

    /// A mutating request of this item is about to be sent.
    package func requestSent() { ledger.requestSent(index) }

    /// The server answered the request (`succeeded`: with a success). A request cut off by an interrupt
    /// never ends: it stays in flight, so the item's outcome is unknown.
    package func requestEnded(succeeded: Bool) { ledger.requestEnded(index, succeeded: succeeded) }

    /// The item was skipped (nothing to do; `note` says why, once per reason for the run).
    package func skip(note: String) { ledger.skip(index, note: note) }
}
