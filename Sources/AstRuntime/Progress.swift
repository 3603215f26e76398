import Foundation

/// Progress of long bulk work (`each`, `wait`) in one session: what each running stage has started and
/// completed. It feeds two things:
/// - a progress line on a terminal's stderr (through a ``ProgressDisplay``; none in tests or pipes);
/// - the summary shown after Ctrl-C ("each completed 2 of 5 items (1 cancelled, 2 not started)"),
///   taken with ``freeze()`` at the moment of the interrupt.
package final class ProgressBoard: @unchecked Sendable {
    let lock = NSLock()
    let display: (any ProgressDisplay)?
    /// Work shorter than this never draws (no flicker for quick pipelines).
    let delay: Duration
    var active: [ProgressTask] = []
    var frozen: [ProgressSnapshot]?
    var visible = false
    var lastDraw: ContinuousClock.Instant?
    var redrawPending = false

    package init(display: (any ProgressDisplay)? = nil, delay: Duration = .milliseconds(300)) {
        self.display = display
        self.delay = delay
    }

    static let extensionKey = "ast.progress"

    /// Makes the board reachable from commands run by `interpreter` (see `Interpreter.progress`).
    package func install(on interpreter: Interpreter) { interpreter.setExtension(Self.extensionKey, self) }

    /// Starts tracking a stage. `noun` names the items ("item", "execution"); `inFlightWord` says
    /// what an interrupt does to items under way ("cancelled", "still running").
    package func begin(_ label: String, total: Int?, noun: String = "item", inFlightWord: String = "cancelled")
        -> ProgressTask
    {
        let task = ProgressTask(
            board: self, snapshot: ProgressSnapshot(label: label, total: total, noun: noun, inFlightWord: inFlightWord))
        let outermost = lock.withLock {
            active.append(task)
            return active.count == 1
        }
        // One timer per run: nested stages are drawn by their outer stage's updates.
        if display != nil, outermost, task.snapshot.isDrawable {
            let delay = self.delay
            Task.detached { [weak self] in
                try? await Task.sleep(for: delay)
                self?.redraw()
            }
        }
        return task
    }

    /// A new entry starts: forget the previous entry's stages and interrupt summary.
    package func reset() {
        lock.withLock {
            active = []
            frozen = nil
        }
        clearLine()
    }

    /// A run is over: stop drawing (a stage whose iterator is still alive must not draw over the prompt).
    package func finishRun() {
        lock.withLock { active = [] }
        clearLine()
    }

    /// Remembers what the running stages had done at this moment (call when Ctrl-C cancels the run).
    package func freeze() {
        let tasks = lock.withLock { active }
        let snapshots = tasks.map { $0.accounted }
        lock.withLock { frozen = snapshots }
    }

    /// What had completed when ``freeze()`` was called (or now): one clause per running stage, or nil.
    package var summary: String? {
        let stages = lock.withLock { frozen ?? active.map { $0.current } }
        let clauses = stages.prefix(3).map(\.summary)
        return clauses.isEmpty ? nil : clauses.joined(separator: "; ")
    }

    /// Stages currently running, outermost first.
    package var running: [ProgressSnapshot] { lock.withLock { active.map { $0.current } } }

    /// Removes the progress line (before a question or other output); the next update redraws it.
    package func clearLine() {
        let wasVisible = lock.withLock {
            defer {
                visible = false
                lastDraw = nil
            }
            return visible
        }
        if wasVisible { display?.clear() }
    }

    func changed(_ task: ProgressTask, final: Bool) {
        if final {
            let empty = lock.withLock {
                active.removeAll { $0 === task }
                return active.isEmpty
            }
            if empty { clearLine() } else { redraw() }
            return
        }
        redraw(throttled: true)
    }

    /// Draws the outermost drawable stage, once it has run for `delay`.
    func redraw(throttled: Bool = false) {
        guard let display else { return }
        let now = ContinuousClock.now
        var trailing = false
        let stage: ProgressSnapshot? = lock.withLock {
            guard let first = active.first(where: { $0.snapshot.isDrawable && now - $0.began >= delay }) else {
                return nil
            }
            if throttled, let lastDraw, now - lastDraw < Self.interval {
                // Too soon: draw once the interval is over, so the line never stays behind.
                trailing = !redrawPending
                redrawPending = true
                return nil
            }
            lastDraw = now
            visible = true
            return first.current
        }
        if trailing {
            Task.detached { [weak self] in
                try? await Task.sleep(for: Self.interval)
                self?.lock.withLock { self?.redrawPending = false }
                self?.redraw()
            }
        }
        guard let stage else { return }
        display.draw(stage)
    }

    /// At most one redraw per interval (a fast `each` would otherwise flood the terminal).
    static let interval = Duration.milliseconds(50)
}

/// One stage's counters. Updated from the stage's item tasks; read by the board.
package final class ProgressTask: @unchecked Sendable {
    weak var board: ProgressBoard?
    let lock = NSLock()
    var snapshot: ProgressSnapshot
    var ended = false
    let began = ContinuousClock.now

    init(board: ProgressBoard, snapshot: ProgressSnapshot) {
        self.board = board
        self.snapshot = snapshot
    }

    var current: ProgressSnapshot { lock.withLock { snapshot } }

    /// The stage's own account of what it did, when it keeps one (a bulk change lists the ids it changed):
    /// taken at an interrupt, it replaces the counts in the summary.
    package var account: (@Sendable () -> String)? {
        get { lock.withLock { accountProvider } }
        set { lock.withLock { accountProvider = newValue } }
    }
    var accountProvider: (@Sendable () -> String)?

    /// The current counts, with the stage's account when it keeps one.
    var accounted: ProgressSnapshot {
        var snapshot = current
        snapshot.account = account?()
        return snapshot
    }

    /// An item was started.
    package func started() {
        lock.withLock { snapshot.started += 1 }
        board?.changed(self, final: false)
    }

    /// An item completed (successfully, or with an error when `failed`).
    package func completed(failed: Bool = false) {
        lock.withLock {
            snapshot.done += 1
            if failed { snapshot.failed += 1 }
        }
        board?.changed(self, final: false)
    }

    /// The stage is over (all done, stopped early, failed or cancelled). Idempotent.
    package func end() {
        let first = lock.withLock {
            defer { ended = true }
            return !ended
        }
        if first { board?.changed(self, final: true) }
    }
}

extension Interpreter {
    /// The session's progress board, when one is installed.
    package var progress: ProgressBoard? { extensionValue(ProgressBoard.extensionKey, as: ProgressBoard.self) }
}
