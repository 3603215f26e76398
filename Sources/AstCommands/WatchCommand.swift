import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import Foundation

/// `watch [list filters] [every=30s] [since=24h] [state=PATH|NAME] [--once]`: an endless stream of executions as
/// they newly match the filters.
///
/// The API cannot filter on when an execution changed, so every poll lists the whole look-back window
/// (`since=`, created within it, newest first) and yields, oldest first, each execution not yielded
/// before. An execution created an hour ago that fails now is in the next poll; one yielded before never
/// comes again (the "seen" set; entries older than the window are forgotten, as no poll can list them).
///
/// Delivery is at least once: an item `each` acts on is recorded (durably with `state=`) when `each` has
/// finished it (or skipped it by policy); one it failed is offered again by a later poll (doubling pause,
/// up to `retry-failed=` times, then a `gave-up` event); anything else yielded is recorded when the next
/// poll starts (see `WatchPoller`). A crash or `kill -9` before then yields those again on restart; `rerun`
/// skips an execution that already has a rerun, so nothing is rerun twice, and nothing is lost unacted-on.
struct WatchCommand: Command {
    static let ownNames: Set<String> = ["every", "since", "state", "limit", "retry-failed"]

    let signature = Signature(
        "watch", "an endless stream of executions as they newly match list filters (polls; state= survives restarts)",
        category: "api",
        named: ListCommand().signature.named.filter { $0.name != "since" && $0.name != "limit" } + [
            ParamSpec("every", .duration, "how often to poll (default 30s)"),
            ParamSpec("since", .duration, "how far back each poll looks, by creation time (default 24h)"),
            ParamSpec(
                "state", .string, "remember what was yielded: a file path, or a name under $XDG_STATE_HOME/ast/watch",
                effects: [.files]),
            ParamSpec("limit", .int, "stop after N executions"),
            ParamSpec(
                "retry-failed", .int,
                "offer an execution `each` failed on again up to N times (default 8; 0: never), then give up"),
        ],
        namedPrefixes: ["meta.", "input."],
        flags: [FlagSpec("once", "poll once, yield what is new and end (for cron)")],
        outputSchema: "execution",
        examples: [
            Example("watch status=failed | each -p 4 rerun --max-attempts 3", "the rerun daemon"),
            Example("watch status=failed every=1m state=reruns limit=1 | .id", "the next failure not seen by 'reruns'"),
            Example("watch status=failed --once | count", "one pass: what is new since the last (cron)"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        var listCall = call
        listCall.named = call.named.filter { !Self.ownNames.contains($0.key) }
        let query = try await ListCommand.query(from: listCall, api: api)
        let every = call.named["every"]?.durationValue ?? 30
        let window = call.named["since"]?.durationValue ?? 86_400
        guard every > 0, every.isFinite else {
            throw call.error("watch: every= must be more than 0s", argument: "every", code: DiagnosticCode.badArgument)
        }
        guard window > 0, window.isFinite, window < 3_153_600_000 else {
            throw call.error(
                "watch: since= must be a positive duration of less than 100 years", argument: "since",
                code: DiagnosticCode.badArgument)
        }
        let limit = call.named["limit"]?.intValue
        if let limit, limit < 0 { throw call.error("limit must be 0 or more", argument: "limit") }
        let state: WatchState
        if let name = call.named["state"]?.text {
            guard let path = WatchState.path(for: name, environment: ProcessInfo.processInfo.environment) else {
                throw call.error(
                    "watch: no state directory: set XDG_STATE_HOME or HOME, or give state=PATH",
                    argument: "state")
            }
            do {
                // Under --dry-run nothing was done, so nothing is recorded as handled.
                state = try WatchState(
                    path: path, keepAfter: Date().addingTimeInterval(-window),
                    readOnly: call.interpreter.settings.dryRun)
            } catch {
                throw call.error("watch: \(error)", argument: "state")
            }
        } else {
            state = WatchState()
        }
        let once = call.flag("once")
        var settings = WatchPoller.Settings(query: query, every: every, window: window, limit: limit, once: once)
        if let retries = call.named["retry-failed"]?.intValue {
            guard (0...1000).contains(retries) else {
                throw call.error(
                    "watch: retry-failed= must be 0–1000, got \(retries)", argument: "retry-failed",
                    code: DiagnosticCode.badArgument)
            }
            settings.retryFailed = retries
        }
        let pollerSettings = settings
        var stream = ValueStream(elementSchema: APISchemas.execution) {
            let poller = WatchPoller(settings: pollerSettings, state: state, call: call, api: api)
            return ValueIterator { try await poller.next() }
        }
        stream.isEndless = limit == nil && !once
        return .stream(stream)
    }
}

extension Value {
    /// Seconds of a duration argument (a bare number counts as seconds).
    var durationValue: Double? {
        switch self {
        case .duration(let seconds): seconds
        case .int(let n): Double(n)
        case .float(let n): n
        default: nil
        }
    }
}
