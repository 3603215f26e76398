import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// One `watch` stream: polls, queues what is new, yields it oldest first, and records what it yielded
/// (see `WatchCommand`). A failed poll is retried with a growing pause (up to 5 minutes, never less than
/// `every`); an outage is told once when it starts and once when it ends, and never ends the stream.
///
/// A consumer that acts per item (`each` over the stream) tells the poller what became of each one
/// (`ItemAcks`): an item is recorded as handled when it finished (or was skipped by policy: `rerun`'s
/// "already rerun", `--max-attempts`), and an item that failed is not: it is offered again by a later poll,
/// after a doubling pause, and given up after `retryFailed` failures (a `gave-up` event; then recorded).
/// An item no consumer started (a `where` dropped it; a consumer that does not act per item) is recorded
/// when the next poll starts, as before; one still in flight is never offered twice.
final class WatchPoller: ItemAckListener, @unchecked Sendable {
    struct Settings: Sendable {
        var query: ListExecutionsQuery
        var every: Double
        var window: Double
        var limit: Int?
        /// One poll, then the end (`--once`).
        var once = false
        /// How many times an item the consumer failed is offered again before it is given up.
        var retryFailed = 8
    }

    /// An item the consumer failed: how often, and when it may be offered again.
    struct Failure {
        var count: Int
        var retryAt: Date
        /// When the execution was created (past the look-back window it is forgotten).
        var created: Date
    }

    let settings: Settings
    let state: WatchState
    let call: Invocation
    let api: APIService
    let log: EventLog
    private var queue: [Execution] = []
    /// Guards `pending`, `inFlight` and `failures` (acks arrive from the consumer's tasks).
    private let lock = NSLock()
    /// Yielded and not yet resolved: recorded when acked done, or at the next poll if no consumer started it.
    private var pending: [String: Date] = [:]
    /// Yielded items a consumer started and has not finished.
    private var inFlight: Set<String> = []
    /// Items the consumer failed, held back until `retryAt`.
    private var failures: [String: Failure] = [:]
    private var produced = 0
    private var polls = 0
    private var failedPolls = 0

    init(settings: Settings, state: WatchState, call: Invocation, api: APIService) {
        self.settings = settings
        self.state = state
        self.call = call
        self.api = api
        log = EventLog.of(call.interpreter)
        GracefulStop.shared.begin()
        ItemAcks.install(on: call.interpreter).add(self)
    }

    deinit { GracefulStop.shared.end() }

    func next() async throws -> Value? {
        while true {
            if GracefulStop.shared.isRequested {
                // SIGTERM: the stream ends here; what the consumer has in flight finishes and is recorded
                // as it is acked; what it passed over is recorded now, so a restart does not offer it again.
                log.event(
                    "stop", "watch: stopping (SIGTERM); finishing the work in flight", to: call.interpreter.output)
                try commit()
                return nil
            }
            if let limit = settings.limit, produced >= limit {
                // The consumer has everything it asked for: what it read counts as handled.
                try commit()
                return nil
            }
            if !queue.isEmpty {
                let execution = queue.removeFirst()
                lock.withLock { pending[execution.id] = execution.createdAt }
                produced += 1
                return APIValues.value(execution)
            }
            if polls > 0, settings.once {
                try commit()
                return nil
            }
            if polls > 0, try await GracefulStop.shared.sleep(seconds: pause) { continue }
            try commit()
            try await poll()
        }
    }

    /// The pause before the next poll: `every`, or after failed polls a doubling back-off.
    var pause: Double {
        guard failedPolls > 0 else { return settings.every }
        let backoff = settings.every * pow(2, Double(min(failedPolls - 1, 16)))
        return min(backoff, max(settings.every, 300))
    }

    /// Records what was yielded and no consumer started (a started item is recorded when it is acked).
    func commit() throws {
        let entries: [(id: String, created: Date)] = lock.withLock {
            let passed = pending.filter { !inFlight.contains($0.key) }
            for id in passed.keys { pending[id] = nil }
            return passed.map { (id: $0.key, created: $0.value) }
        }
        do { try state.record(entries) } catch { throw call.error("watch: \(error)") }
    }

    /// The pause before an item failed `count` times is offered again: `every`, doubling, at most an hour.
    func retryPause(after count: Int) -> Double {
        max(settings.every, min(settings.every * pow(2, Double(min(count - 1, 30))), 3600))
    }

    /// Whether a poll may offer the execution now (not handled, not in flight, not held back).
    func isOffered(_ id: String, now: Date) -> Bool {
        guard !state.contains(id) else { return false }
        return lock.withLock {
            pending[id] == nil && failures[id].map { $0.retryAt <= now } ?? true
        }
    }

    func itemStarted(_ id: String) {
        lock.withLock { if pending[id] != nil { _ = inFlight.insert(id) } }
    }

    func itemFinished(_ id: String, failed: Bool) {
        enum Next { case record(Date), retry(Int, Double, Date), giveUp(Int, Date) }
        let next: Next? = lock.withLock {
            guard let created = pending.removeValue(forKey: id) else { return nil }
            inFlight.remove(id)
            guard failed else {
                failures[id] = nil
                return .record(created)
            }
            // Failures before a restart count too (kept in the state file), so a crash loop cannot retry forever.
            let count = max(failures[id]?.count ?? 0, state.failures(of: id)) + 1
            guard count <= settings.retryFailed else {
                failures[id] = nil
                return .giveUp(count, created)
            }
            let pause = retryPause(after: count)
            failures[id] = Failure(count: count, retryAt: Date().addingTimeInterval(pause), created: created)
            return .retry(count, pause, created)
        }
        switch next {
        case nil:
            return
        case .record(let created)?:
            record(id, created)
        case .retry(let count, let pause, let created)?:
            persist { try state.recordFailure(id: id, created: created, count: count) }
            log.event(
                "retry-later",
                "watch: \(id) failed (\(count) of \(settings.retryFailed + 1)); offered again "
                    + "in \(Int(pause.rounded(.up)))s",
                fields: [("item", .string(id)), ("failures", .int(count)), ("retryIn", .duration(pause))],
                to: call.interpreter.output)
        case .giveUp(let count, let created)?:
            log.event(
                "gave-up",
                "watch: GAVE UP on \(id) after \(count) failures; it is recorded as handled and will not be offered "
                    + "again",
                fields: [("item", .string(id)), ("failures", .int(count))], to: call.interpreter.output)
            record(id, created)
        }
    }

    /// Records one finished item at once (so a stop or a `kill -9` right after loses nothing).
    private func record(_ id: String, _ created: Date) {
        persist { try state.record([(id: id, created: created)]) }
    }

    /// Writes to the state; a write that fails is a `state-error` event, and the stream goes on.
    private func persist(_ write: () throws -> Void) {
        do {
            try write()
        } catch {
            log.event(
                "state-error", "watch: \(error)", fields: [("error", .string("\(error)"))], to: call.interpreter.output)
        }
    }

    func poll() async throws {
        polls += 1
        var query = settings.query
        if settings.query.createdAfter == nil {  // after= given: the user's own start
            query.createdAfter = Date().addingTimeInterval(-settings.window)
        }
        // What was created before the listing's start cannot be listed again: forgotten, so a watch running
        // for weeks holds (in memory and in its state file) only what the window still shows.
        if let start = query.createdAfter {
            persist { try state.forget(before: start) }
            lock.withLock { failures = failures.filter { $0.value.created >= start } }
        }
        let check = ListFilterCheck(query: query, strict: false, call: call)
        var found: [Execution] = []
        var ids: Set<String> = []
        let now = Date()
        do {
            var iterator = api.client.listExecutions(query).makeAsyncIterator()
            while let execution = try await iterator.nextItem() {
                LineageCache.of(call.interpreter).note(execution)
                guard ids.insert(execution.id).inserted, isOffered(execution.id, now: now) else { continue }
                guard try check.admits(execution) else { continue }
                found.append(execution)
            }
        } catch let error as AsteroidError {
            if error.kind == .cancelled || Task.isCancelled { throw call.runtimeError(error) }
            failedPolls += 1
            if failedPolls == 1 {
                log.event(
                    "backoff", "watch: listing failed (\(error.description)); polling on, next in \(Int(pause))s",
                    fields: [("error", .string(error.description)), ("retryIn", .duration(pause))],
                    to: call.interpreter.output)
            } else {
                log.event(
                    "backoff", "watch: listing still failing (\(failedPolls) polls)",
                    fields: [("failedPolls", .int(failedPolls)), ("retryIn", .duration(pause))], quiet: true,
                    to: call.interpreter.output)
            }
            return
        }
        if failedPolls > 0 {
            log.event(
                "recovered",
                "watch: listing works again after \(failedPolls) failed poll\(failedPolls == 1 ? "" : "s")",
                fields: [("failedPolls", .int(failedPolls))], to: call.interpreter.output)
            failedPolls = 0
        }
        found.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        log.event(
            "poll", "watch: \(found.count) new", fields: [("new", .int(found.count)), ("seen", .int(state.count))],
            quiet: true, to: call.interpreter.output)
        queue = found
    }
}
