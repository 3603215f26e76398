import AsteroidModels
import Foundation
import Logging

/// Moves live executions along on the clock. State lives only in the database (`live_plans.next_at`),
/// so after a restart every execution still running simply continues from where it was.
final class LifecycleEngine: @unchecked Sendable {
    let repository: any ExecutionRepository
    let clock: any SandboxClock
    let notifier: ChangeNotifier
    let logger: Logger
    /// When the background loop will wake anyway; nil while it is working (or not started), when every
    /// change must wake it. Guarded by `lock`.
    private var plannedWake: Date?
    private let lock = NSLock()

    /// When the background loop will next wake on its own (nil while it works).
    var nextPlannedWake: Date? { lock.withLock { plannedWake } }

    init(repository: any ExecutionRepository, clock: any SandboxClock, notifier: ChangeNotifier, logger: Logger) {
        self.repository = repository
        self.clock = clock
        self.notifier = notifier
        self.logger = logger
    }

    /// Runs every tick due at the clock's current time (repeatedly, until nothing is due). Returns how
    /// many ticks ran.
    @discardableResult
    func runDue() async throws -> Int {
        var ran = 0
        while true {
            let now = clock.now
            let due = try await repository.dueExecutions(at: now)
            if due.isEmpty { return ran }
            for id in due {
                let before = ran
                do {
                    try await repository.mutate(id) { state in
                        LifecycleScript.tick(&state, now: now)
                    }
                    ran += 1
                } catch let error as SandboxError where error.status == .notFound {
                    continue
                }
                if ran > before { notifier.notify(id) }
            }
        }
    }

    /// The background loop for the system clock: tick, then sleep until the next due time or until the
    /// schedule changes. Ends when the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            let generation = notifier.generation
            lock.withLock { plannedWake = nil }
            var wait = Duration.seconds(5)
            do {
                try await runDue()
                if let next = try await repository.nextDueDate() {
                    let seconds = max(0, next.timeIntervalSince(clock.now))
                    wait = min(wait, .milliseconds(Int64((seconds * 1000).rounded(.up))))
                }
            } catch {
                logger.error("lifecycle tick failed: \(error)")
                wait = .seconds(1)
            }
            if wait > .zero {
                let wake = clock.now.addingTimeInterval(
                    Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
                lock.withLock { plannedWake = wake }
                await notifier.wait(for: ChangeNotifier.scheduleKey, since: generation, timeout: wait)
            }
        }
    }

    /// Tells the loop the schedule changed (a new execution, a resume). With `dueAt`, the time the new
    /// work is first due, the loop is woken only when that is before its planned wake: a burst of reruns
    /// due later costs no wake-ups and no schedule queries.
    func scheduleChanged(dueAt: Date? = nil) {
        let needed = lock.withLock { () -> Bool in
            guard let due = dueAt, let planned = plannedWake else { return true }
            return due < planned
        }
        if needed { notifier.notify(ChangeNotifier.scheduleKey) }
    }
}
