import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// One `watch` stream: polls, queues what is new, yields it oldest first, and records what it yielded
/// (see `WatchCommand`). A failed poll is retried with a growing pause (up to 5 minutes, never less than
/// `every`); an outage is told once when it starts and once when it ends, and never ends the stream.
final class WatchPoller: @unchecked Sendable {
    struct Settings: Sendable {
        var query: ListExecutionsQuery
        var every: Double
        var window: Double
        var limit: Int?
        /// One poll, then the end (`--once`).
        var once = false
    }

    let settings: Settings
    let state: WatchState
    let call: Invocation
    let api: APIService
    let log: EventLog
    private var queue: [Execution] = []
    /// Yielded since the last poll: recorded when the next poll starts.
    private var yielded: [(id: String, created: Date)] = []
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
    }

    deinit { GracefulStop.shared.end() }

    func next() async throws -> Value? {
        while true {
            if GracefulStop.shared.isRequested {
                // SIGTERM: the stream ends here; what the consumer has in flight finishes. What this poll
                // yielded is recorded only at the next start's first poll (delivery is at least once).
                log.event(
                    "stop", "watch: stopping (SIGTERM); finishing the work in flight", to: call.interpreter.output)
                return nil
            }
            if let limit = settings.limit, produced >= limit {
                // The consumer has everything it asked for: what it read counts as handled.
                try commit()
                return nil
            }
            if !queue.isEmpty {
                let execution = queue.removeFirst()
                yielded.append((execution.id, execution.createdAt))
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

    func commit() throws {
        do { try state.record(yielded) } catch { throw call.error("watch: \(error)") }
        yielded = []
    }

    func poll() async throws {
        polls += 1
        var query = settings.query
        if settings.query.createdAfter == nil {  // after= given: the user's own start
            query.createdAfter = Date().addingTimeInterval(-settings.window)
        }
        let check = ListFilterCheck(query: query, strict: false, call: call)
        var found: [Execution] = []
        var ids: Set<String> = []
        do {
            var iterator = api.client.listExecutions(query).makeAsyncIterator()
            while let execution = try await iterator.nextItem() {
                LineageCache.of(call.interpreter).note(execution)
                guard ids.insert(execution.id).inserted, !state.contains(execution.id) else { continue }
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
