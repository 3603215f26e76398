import AstRuntime
import AstSyntax
import Foundation

/// `each [-p N] [--fail-fast] STAGE|BLOCK`: runs a command stage or block once per item.
struct EachCommand: Command {
    let signature = Signature(
        "each", "run a command or block for every item (in parallel with -p, output in input order)", category: "filters",
        positionals: [ParamSpec("action", .closure, "a command stage (each rerun) or a block ({ … $it … })", required: true)],
        flags: [
            FlagSpec("parallel", short: "p", value: .int, "run up to N items at once"),
            FlagSpec("fail-fast", "stop at the first failure instead of collecting them"),
        ],
        style: .stage,
        examples: [
            Example("[1, 2, 3] | each { $it * 10 }", "multiply each item", result: "[10,20,30]"),
            Example("[1, 2, 3] | each -p 2 { $it + 1 }", "two at a time, in input order", result: "[2,3,4]"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let action = try call.closure(0, what: "each needs a command or a block")
        let parallel = max(1, call.flags["parallel"]?.intValue ?? 1)
        let failFast = call.flag("fail-fast")
        let mutating = call.interpreter.isMutating(action)
        var source = call.items
        if mutating {
            // A bulk change reads its whole input first (so its own new executions are never picked up),
            // acts once per id, and asks first when more than one execution would change.
            let unique = deduplicated(try await source.collect())
            if unique.count > 1, !call.interpreter.settings.dryRun {
                let verb = call.interpreter.mutatingCommandNames(in: action).first ?? "change"
                guard await call.interpreter.confirmBulk("\(verb) \(unique.count) executions?") else {
                    throw call.error("cancelled: nothing was changed")
                }
            }
            source = .from(unique)
        }
        let known = mutating ? try await source.collect().count : nil
        let runner = EachRunner(action: action, call: call, parallel: parallel, failFast: failFast,
            progressTotal: call.interpreter.settings.interactive ? known : nil)
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
struct EachRunner: Sendable {
    let action: Closure
    let call: Invocation
    let parallel: Int
    let failFast: Bool
    /// At a terminal, for bulk work of known size: show `each: 3/12` on stderr.
    let progressTotal: Int?

    func stream(over source: ValueStream) -> ValueStream {
        ValueStream { [self] in
            let iterator = source.makeIterator()
            var inFlight: [(item: Value, task: Task<Value, any Error>)] = []
            var failures: [(String, String)] = []
            var total = 0
            var exhausted = false
            return ValueIterator {
                while true {
                    while !exhausted, inFlight.count < parallel {
                        guard let item = try await iterator.next() else {
                            exhausted = true
                            break
                        }
                        total += 1
                        let task = Task { [self] in try await call.call(action, with: item).materialized() }
                        inFlight.append((item, task))
                    }
                    guard !inFlight.isEmpty else {
                        if failures.isEmpty { return nil }
                        let lines = failures.map { "  - \($0.0): \($0.1)" }.joined(separator: "\n")
                        let count = failures.count
                        failures = []
                        throw call.error("each: \(count) of \(total) item\(total == 1 ? "" : "s") failed:\n\(lines)")
                    }
                    let (item, task) = inFlight.removeFirst()
                    if let progressTotal, progressTotal > 1 {
                        let done = total - inFlight.count
                        call.interpreter.output.writeError("\reach: \(done)/\(progressTotal)" + (done >= progressTotal ? "\n" : ""))
                    }
                    do {
                        return try await withTaskCancellationHandler {
                            try await task.value
                        } onCancel: {
                            task.cancel()
                        }
                    } catch let error as RuntimeError {
                        if failFast {
                            for pending in inFlight { pending.task.cancel() }
                            inFlight = []
                            throw error
                        }
                        failures.append((label(of: item), error.diagnostic.message))
                    } catch ControlFlow.continueLoop {
                        continue
                    }
                }
            }
        }
    }
}
