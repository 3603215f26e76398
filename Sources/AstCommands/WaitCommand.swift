import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// `wait [timeout=10m]`: waits (long-polling the sync endpoint) until each input execution is terminal;
/// yields the final records, in input order. When the timeout ends it yields those that finished and
/// reports the rest on stderr (it fails only when none finished). A dry-run placeholder (`dryRun: true`)
/// passes through without a request.
struct WaitCommand: Command {
    let signature = Signature(
        "wait", "wait until executions finish; yields their final records", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        named: [
            ParamSpec(
                "timeout", .duration, "give up after this long (default 10m, at most 365d); yields those that finished")
        ],
        outputSchema: "execution", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("execute 3c90c3cc-0d44-4b50-8888-8dd25736052a | wait timeout=15m | .status", "run and wait")]
    )

    /// The longest timeout accepted (a year: past that, deadline arithmetic stops meaning anything).
    static let maxTimeout: Double = 365 * 86_400

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let timeout = try Self.timeout(call)
        let (slots, ids) = try await Self.targets(call)
        let deadline = Date().addingTimeInterval(timeout)
        let progress = call.interpreter.progress?.begin(
            "wait", total: ids.count, noun: "execution", inFlightWord: "still running")
        defer { progress?.end() }
        for _ in ids { progress?.started() }  // every id is being waited for (up to 16 polled at once)
        let outcomes = try await withThrowingTaskGroup(of: (Int, WaitOutcome).self) { group in
            var next = 0
            var out = [WaitOutcome](repeating: .finished(.null), count: ids.count)
            func start() {
                guard next < ids.count else { return }
                let index = next
                let id = ids[index]
                next += 1
                group.addTask { (index, try await Self.waitOne(id, deadline: deadline, call: call, api: api)) }
            }
            for _ in 0..<min(16, ids.count) { start() }
            while let (index, outcome) = try await group.next() {
                out[index] = outcome
                progress?.completed()
                start()
            }
            return out
        }
        var results: [Value] = []
        var unfinished: [(id: String, status: String)] = []
        for slot in slots {
            switch slot {
            case .placeholder(let value): results.append(value)
            case .id(let index):
                switch outcomes[index] {
                case .finished(let value): results.append(value)
                case .unfinished(let status): unfinished.append((ids[index], status))
                }
            }
        }
        if !unfinished.isEmpty { try Self.report(unfinished, finished: results.count, timeout: timeout, call: call) }
        return call.shaped(results)
    }

    /// Reports the executions still running when the timeout ended: a warning when some finished (they
    /// are yielded), an error when none did.
    static func report(_ unfinished: [(id: String, status: String)], finished: Int, timeout: Double, call: Invocation)
        throws
    {
        let total = unfinished.count + finished
        let lines =
            unfinished.prefix(20).map { "  - \($0.id): still \($0.status)" }
            + (unfinished.count > 20 ? ["  … and \(unfinished.count - 20) more"] : [])
        let head =
            "\(unfinished.count) of \(total) execution\(total == 1 ? "" : "s") not finished "
                + "after \(Value.formatDuration(timeout))"
        guard finished > 0 else {
            let message =
                unfinished.count == 1
                ? "timed out after \(Value.formatDuration(timeout)) waiting for \(unfinished[0].id) "
                    + "(still \(unfinished[0].status))"
                : "timed out after \(Value.formatDuration(timeout)): none of \(total) executions "
                    + "finished:\n\(lines.joined(separator: "\n"))"
            throw call.error(message, argument: "timeout", help: "raise it: wait timeout=30m")
        }
        call.interpreter.output.writeError(
            "warning: wait: \(head) (yielding the \(finished) that finished):\n\(lines.joined(separator: "\n"))\n")
    }

    static func timeout(_ call: Invocation) throws -> Double {
        guard case .duration(let timeout)? = call.named["timeout"] else { return 600 }
        guard timeout > 0 else { throw call.error("timeout must be positive", argument: "timeout") }
        guard timeout <= maxTimeout else {
            throw call.error(
                "wait: timeout=\(Value.formatDuration(timeout)) is too long (at most 365d)", argument: "timeout",
                help: "wait a year at most; run wait again to keep waiting")
        }
        return timeout
    }
}

/// One input of `wait`: a dry-run placeholder passed through, or the index of an id to wait on.
enum WaitSlot {
    case placeholder(Value)
    case id(Int)
}

/// How waiting on one execution ended.
enum WaitOutcome: Sendable {
    case finished(Value)
    /// Still not terminal at the deadline, with its last status.
    case unfinished(String)
}

extension WaitCommand {
    /// The inputs in order, and the distinct ids to wait on. A record with `dryRun: true` (what a
    /// change yields under `--dry-run`) is not an execution the API knows: it passes through.
    static func targets(_ call: Invocation) async throws -> ([WaitSlot], [String]) {
        var items: [Value] = []
        if call.positional(0).map({ $0.isNull }) ?? true, !call.input.isNull {
            items = try await call.input.asStream.collect()
        }
        let placeholders = items.map(\.isDryRunPlaceholder)
        // The input is read once (a stream from `list` is not read again): ids come from what was read.
        var real = call
        if !items.isEmpty { real.input = .list(zip(items, placeholders).filter { !$0.1 }.map(\.0)) }
        var realIds = try await real.targetIds().collect().map(\.text)[...]
        var slots: [WaitSlot] = []
        var ids: [String] = []
        var index: [String: Int] = [:]
        func add(_ id: String) {
            guard index[id] == nil else { return }
            index[id] = ids.count
            slots.append(.id(ids.count))
            ids.append(id)
        }
        if items.isEmpty || !placeholders.contains(true) {
            realIds.forEach(add)
            return (slots, ids)
        }
        for (item, isPlaceholder) in zip(items, placeholders) {
            if isPlaceholder { slots.append(.placeholder(item)) } else if let id = realIds.popFirst() { add(id) }
        }
        return (slots, ids)
    }

    /// Long-polls one execution until it is terminal or the deadline passes. The sync endpoint holds a
    /// request up to `timeoutSeconds` (≤ 25) but answers 202 at once for a paused execution or one
    /// awaiting confirmation: then it waits before asking again, with jittered exponential backoff
    /// (0.5 s doubling to 10 s, never past the deadline), so a paused execution costs a few requests.
    static func waitOne(_ id: String, deadline: Date, call: Invocation, api: APIService) async throws -> WaitOutcome {
        var backoff = Backoff()
        var lastStatus = "unknown"
        while true {
            try Task.checkCancellation()
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .unfinished(lastStatus) }
            let seconds = Int(min(25, max(1, remaining.rounded(.up))))
            let asked = Date()
            guard
                let result = try await call.request({ () throws(AsteroidError) in
                    try await api.client.sync(id, timeoutSeconds: seconds)
                })
            else { return .finished(.null) }
            if result.isFinished || result.status.isTerminal {
                return .finished(try await Fetch.execution(id, call: call, api: api))
            }
            lastStatus = result.status.rawValue
            // A poll the server held for a good part of its time needs no pause before the next one.
            guard Date().timeIntervalSince(asked) < Double(seconds) / 2 else {
                backoff.reset()
                continue
            }
            let pause = min(backoff.next(), deadline.timeIntervalSinceNow)
            if pause > 0 { try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000)) }
        }
    }
}

/// Jittered exponential backoff: each delay is drawn from the upper half of a window that doubles from
/// `initial` to `cap`.
struct Backoff {
    var initial = 0.5
    var cap = 10.0
    private var window: Double?

    mutating func next() -> Double {
        let current = window ?? initial
        window = min(current * 2, cap)
        return current / 2 + Double.random(in: 0...(current / 2))
    }

    mutating func reset() { window = nil }
}

extension Value {
    /// A record a dry run yields in place of a change it did not make (`{id: "dry-run-1", dryRun: true, …}`).
    var isDryRunPlaceholder: Bool {
        if case .record(let record) = self, case .bool(true)? = record["dryRun"] { return true }
        return false
    }
}
