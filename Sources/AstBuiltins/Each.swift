import AstRuntime
import AstSyntax
import Foundation

/// `each [-p N] [--fail-fast] STAGE|BLOCK`: runs a command stage or block once per item.
struct EachCommand: Command {
    let signature = Signature(
        "each", "run a command or block for every item (in parallel with -p, output in input order)",
        category: "filters",
        positionals: [
            ParamSpec("action", .closure, "a command stage (each rerun) or a block ({ … $it … })", required: true)
        ],
        flags: [
            FlagSpec("parallel", short: "p", value: .int, "run up to N items at once"),
            FlagSpec("fail-fast", "stop at the first failure instead of collecting them"),
            FlagSpec("rate", value: .any, "at most this many API requests per second across all workers (10/s, 600/m)"),
        ],
        style: .stage,
        examples: [
            Example("[1, 2, 3] | each { $it * 10 }", "multiply each item", result: "[10,20,30]"),
            Example("[1, 2, 3] | each -p 2 { $it + 1 }", "two at a time, in input order", result: "[2,3,4]"),
            Example(
                "list status=failed | each -p 8 rerun",
                "a bulk change: every success yielded, failures listed after, kept in $failed"),
            Example("[1, 2] | each -p 2 --rate 10/s { $it }", "requests spread to 10 a second", result: "[1,2]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let action = try call.closure(0, what: "each needs a command or a block")
        let parallel = call.flags["parallel"]?.intValue ?? 1
        guard parallel >= 1 else {
            throw call.error(
                "each: -p needs a number of at least 1, got \(parallel)", argument: "parallel",
                help: "-p N runs up to N items at once", code: DiagnosticCode.badArgument)
        }
        let failFast = call.flag("fail-fast")
        var pacer: (any RequestPacer)? = nil
        if let rate = call.flags["rate"] {
            guard let perSecond = RequestPacing.parse(rate.text) else {
                throw call.error(
                    "each: --rate \(rate.text) is not a rate", argument: "rate",
                    help: RequestPacing.rule, code: DiagnosticCode.badArgument)
            }
            pacer = RequestPacing.make(perSecond: perSecond, on: call.interpreter)
        }
        let mutating = call.interpreter.isMutating(action)
        var source = call.items
        var bulk: EachRunner.Bulk? = nil
        var total: Int? = nil
        if case .list(let items) = call.input {
            total = items.count
        } else if !call.input.isSequence {
            total = call.input.isNull ? 0 : 1
        }
        let live = source.isEndless
        if mutating, !live {
            // A bulk change reads its whole input first (so its own new executions are never picked up),
            // acts once per id, and asks first when more than one execution would change.
            let unique = deduplicated(try await source.collect())
            if unique.count > 1, !call.interpreter.settings.dryRun {
                let verb = call.interpreter.mutatingCommandNames(in: action).first ?? "change"
                guard await call.interpreter.confirmBulk(verb: verb, items: unique) else {
                    throw call.error("cancelled: nothing was changed")
                }
            }
            source = .from(unique)
            total = unique.count
            bulk = EachRunner.Bulk(items: unique, retry: call.interpreter.mutatingCommandNames(in: action).first ?? "…")
        }
        // An endless input (`watch | each rerun`) cannot be read first: each item is acted on as it comes,
        // and a failed item is told at once (an `item-failed` event) instead of after the end.
        let runner = EachRunner(
            action: action, call: call, parallel: parallel, failFast: failFast, total: total, bulk: bulk, live: live,
            pacer: pacer)
        let stream = runner.stream(over: source)
        if case .list = call.input { return .list(try await stream.collect()) }
        if !call.input.isSequence, !call.input.isNull { return try await stream.collect().first ?? .null }
        return .stream(stream)
    }

    func deduplicated(_ items: [Value]) -> [Value] {
        var seen: Set<String> = []
        return items.filter { item in
            let key = item.recordValue?["id"]?.stringValue ?? item.stringValue ?? item.literal
            return seen.insert(key).inserted
        }
    }
}

/// Runs the action over a stream with a window of `parallel` items in flight, yielding in input order;
/// failures are collected and reported together at the end (or the first one, with fail-fast).
///
/// Items run in their own tasks, so the runner cancels them itself: all in flight when the consumer is
/// cancelled (Ctrl-C), and all still in flight when the consumer stops early (`| first 2`: the
/// iterator is released and no further item starts). Progress goes to the session's board.
struct EachRunner: Sendable {
    let action: Closure
    let call: Invocation
    let parallel: Int
    let failFast: Bool
    /// The number of items, when known before running (a list, or a bulk change's ids).
    let total: Int?
    /// For a bulk change: its items (in order) and the command that retries one (for the hint).
    let bulk: Bulk?
    /// Over an endless input: failures are logged as they happen, never collected.
    var live = false
    /// `--rate`: one pacer for all the items' requests.
    var pacer: (any RequestPacer)? = nil

    struct Bulk: Sendable {
        let items: [Value]
        let retry: String
    }

    func stream(over source: ValueStream) -> ValueStream {
        ValueStream { [self] in
            let iterator = source.makeIterator()
            // A bulk change's items in flight at an interrupt are unknown (their request may have been made).
            let progress = call.interpreter.progress?.begin(
                "each", total: total,
                inFlightWord: bulk == nil ? "cancelled" : "unknown — check with `get`")
            let ledger = bulk.map {
                BulkLedger(label: "each", items: $0.items, interpreter: call.interpreter, progress: progress)
            }
            let state = EachState(progress: progress, ledger: ledger, finalize: finalizer(ledger))
            // Over an endless input, the producer (`watch`) learns what became of each item it yielded.
            if live { state.acks = ItemAcks.of(call.interpreter) }
            var failures: [(String, String)] = []
            var count = 0
            var exhausted = false
            // Over an endless input, finished items are yielded while the next one is still a poll away.
            let upstream = live ? UpstreamPull(iterator) : nil
            return ValueIterator {
                while true {
                    while !exhausted, state.inFlightCount < parallel {
                        try Task.checkCancellation()
                        let next: Value?
                        if let upstream {
                            if let head = state.head, await upstream.headFinishesFirst(head) { break }
                            next = try await upstream.take()
                        } else {
                            next = try await iterator.next()
                        }
                        guard let item = next else {
                            exhausted = true
                            break
                        }
                        count += 1
                        state.start(item, index: count - 1, runner: self)
                    }
                    guard let (item, index, task) = state.takeFirst() else {
                        state.end()
                        state.finish(interrupted: false)
                        if failures.isEmpty { return nil }
                        let lines = failures.map { "  - \($0.0): \($0.1)" }.joined(separator: "\n")
                        let failed = failures.count
                        failures = []
                        throw call.error("each: \(failed) of \(count) item\(count == 1 ? "" : "s") failed:\n\(lines)")
                    }
                    do {
                        let value = try await withTaskCancellationHandler {
                            try await task.value
                        } onCancel: {
                            task.cancel()
                            state.cancelAll()
                        }
                        if let ledger {
                            ledger.finish(index)
                            // A skipped item (rerun of an execution that already has one) yields nothing.
                            if ledger.isSkipped(index), value.isNull { continue }
                        }
                        if live {
                            EventLog.of(call.interpreter).event(
                                "item-done", "each: \(label(of: item)) done",
                                fields: [("item", .string(label(of: item)))],
                                quiet: true, to: call.interpreter.output)
                            // A skipped item (said on stderr by the command) yields nothing.
                            if value.isNull { continue }
                        }
                        return value
                    } catch let error as RuntimeError
                        where !(Task.isCancelled || error.diagnostic.code == DiagnosticCode.interrupted)
                    {
                        ledger?.finish(index, error: error)
                        if failFast {
                            state.cancelAll()
                            state.end()
                            state.finish(interrupted: true)
                            throw error
                        }
                        // A bulk change's failures are reported by its ledger, after the statement.
                        if live {
                            EventLog.of(call.interpreter).event(
                                "item-failed", "each: \(label(of: item)): \(error.diagnostic.message)",
                                fields: [
                                    ("item", .string(label(of: item))), ("error", .string(error.diagnostic.message)),
                                ],
                                to: call.interpreter.output)
                        } else if ledger == nil {
                            failures.append((label(of: item), error.diagnostic.message))
                        }
                    } catch ControlFlow.continueLoop {
                        ledger?.finish(index)
                        continue
                    } catch {
                        state.cancelAll()
                        state.end()
                        state.finish(interrupted: true)
                        throw error
                    }
                }
            }
        }
    }

    /// Ends a bulk change's ledger: `$failed`, the skip note, and (unless interrupted) the deferred failure.
    func finalizer(_ ledger: BulkLedger?) -> (@Sendable (Bool) -> Void)? {
        guard let ledger, let bulk else { return nil }
        let span = call.span
        let source = call.env.source
        return { interrupted in ledger.finalize(interrupted: interrupted, span: span, source: source, retry: bulk.retry)
        }
    }

    /// Runs the action for one item, counting it on the progress board once it has completed. Its result
    /// is one item of `each`'s output, so a command stage learns what the consumer reads of an item
    /// (`each rerun | count` reads nothing of the new executions).
    func run(_ item: Value, progress: ProgressTask?) async throws -> Value {
        do {
            let value = try await RequestPacing.$current.withValue(pacer ?? RequestPacing.current) {
                try await call.call(action, with: item, demand: call.demand.forOneItem).materialized()
            }
            progress?.completed()
            return value
        } catch {
            if !(error is CancellationError), !Task.isCancelled { progress?.completed(failed: error is RuntimeError) }
            throw error
        }
    }

    /// One item of a bulk change: its requests are reported to the ledger through `slot`, which also
    /// keeps the progress counts (an item counts as done once its request was answered).
    func run(_ item: Value, slot: BulkSlot) async throws -> Value {
        try await BulkLedger.$current.withValue(slot) {
            try await RequestPacing.$current.withValue(pacer ?? RequestPacing.current) {
                try await call.call(action, with: item, demand: call.demand.forOneItem).materialized()
            }
        }
    }
}

/// The items in flight of one `each` pass. Released with its iterator: then whatever is still running
/// is cancelled, and a bulk change's ledger is ended as interrupted (if it had not ended).
final class EachState: @unchecked Sendable {
    let lock = NSLock()
    var inFlight: [(item: Value, index: Int, task: Task<Value, any Error>)] = []
    let progress: ProgressTask?
    let ledger: BulkLedger?
    let finalize: (@Sendable (Bool) -> Void)?
    /// Told when each item starts and ends (over an endless input), as it happens: not in output order.
    var acks: ItemAcks?

    init(progress: ProgressTask?, ledger: BulkLedger? = nil, finalize: (@Sendable (Bool) -> Void)? = nil) {
        self.progress = progress
        self.ledger = ledger
        self.finalize = finalize
    }

    deinit {
        for pending in inFlight { pending.task.cancel() }
        progress?.end()
        finalize?(true)
    }

    var inFlightCount: Int { lock.withLock { inFlight.count } }

    /// The oldest item in flight: the next one to be yielded.
    var head: Task<Value, any Error>? { lock.withLock { inFlight.first?.task } }

    func start(_ item: Value, index: Int, runner: EachRunner) {
        let task: Task<Value, any Error>
        if let ledger {
            let slot = ledger.slot(index)
            task = Task { try await runner.run(item, slot: slot) }
        } else {
            let progress = self.progress
            progress?.started()
            task = Task { try await runner.run(item, progress: progress) }
        }
        lock.withLock { inFlight.append((item, index, task)) }
        if let acks {
            acks.started(item)
            Task { await Self.acknowledge(item, of: task, to: acks) }
        }
    }

    /// Tells the producer the item's end once its task ends: done (or skipped), or failed. A cancelled or
    /// interrupted item is not told (it was not handled; a restart offers it again).
    static func acknowledge(_ item: Value, of task: Task<Value, any Error>, to acks: ItemAcks) async {
        do {
            _ = try await task.value
            acks.finished(item, failed: false)
        } catch ControlFlow.continueLoop {
            acks.finished(item, failed: false)
        } catch let error as RuntimeError where error.diagnostic.code != DiagnosticCode.interrupted {
            if !task.isCancelled { acks.finished(item, failed: true) }
        } catch {}
    }

    func takeFirst() -> (Value, Int, Task<Value, any Error>)? {
        lock.withLock { inFlight.isEmpty ? nil : inFlight.removeFirst() }
    }

    func cancelAll() {
        let tasks = lock.withLock {
            defer { inFlight = [] }
            return inFlight.map(\.task)
        }
        for task in tasks { task.cancel() }
    }

    func end() { progress?.end() }

    /// Ends the bulk change's ledger (the first call counts).
    func finish(interrupted: Bool) { finalize?(interrupted) }
}
