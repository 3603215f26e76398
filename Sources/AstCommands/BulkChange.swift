import AstBuiltins
import AstRuntime
import AstSyntax
import AsteroidClient

/// How a mutating command (rerun, cancel, pause, resume, message) acts on its targets.
///
/// One target (`rerun ID`, or one item inside `each`): its failure is the command's error. Several
/// targets (`[…] | rerun`, `list | cancel`): every target is tried; the command yields every success,
/// reports each failure with its id and reason after the statement (which then fails), and sets
/// `$failed` (see ``BulkLedger``). Inside `each`, the command reports its requests to the item's
/// ledger slot, so an interrupt knows which items were done, which unknown, which never started.
extension Invocation {
    /// cancel, pause and resume: each target's status changed by `send` on the session's writer (the dry-run
    /// twin under --dry-run, which yields a placeholder), as one bulk change over the targets.
    func statusChange(
        verb: String, _ send: @escaping @Sendable (AsteroidClient, String) async throws(AsteroidError) -> StatusChange
    ) async throws -> Value {
        let client = try api.writer(self)
        let targets = try await mutationTargets(verb: verb)
        return try await bulkChange(verb: verb, targets: targets) { target in
            guard let change = try await mutation({ () throws(AsteroidError) in try await send(client, target.id) })
            else {
                return DryRunPlaceholder.change([("executionId", .string(target.id))])
            }
            return APIValues.value(change)
        }
    }

    /// Runs `change` once per target and shapes the results; nil results (skipped, nothing to yield)
    /// are left out.
    func bulkChange(verb: String, targets: [BulkTarget], _ change: (BulkTarget) async throws -> Value?) async throws
        -> Value
    {
        guard yieldsSequence, BulkLedger.current == nil else {
            // One target, or a list inside an item of an outer bulk change (whose ledger accounts for it).
            var results: [Value] = []
            for target in targets {
                try Task.checkCancellation()
                if let value = try await change(target) { results.append(value) }
            }
            return shaped(results)
        }
        let progress = interpreter.progress?.begin(
            verb, total: targets.count, inFlightWord: "unknown — check with `get`")
        defer { progress?.end() }
        let ledger = BulkLedger(label: verb, items: targets.map(\.item), interpreter: interpreter, progress: progress)
        var results: [Value] = []
        for (index, target) in targets.enumerated() {
            do {
                try Task.checkCancellation()
                let value = try await BulkLedger.$current.withValue(ledger.slot(index)) { try await change(target) }
                ledger.finish(index)
                if let value { results.append(value) }
            } catch let error as RuntimeError where !Self.isInterrupt(error) {
                ledger.finish(index, error: error)
            } catch {
                ledger.finalize(interrupted: true, span: span, source: env.source, retry: verb)
                throw error
            }
        }
        ledger.finalize(interrupted: false, span: span, source: env.source, retry: verb)
        return .list(results)
    }

    /// Sends one mutating request, telling the current bulk item (if any) that it is in flight and,
    /// once answered, done. A request cut off by an interrupt stays in flight: its outcome is unknown.
    /// Under `--dry-run` the request is printed (stderr) and nil is returned.
    func mutation<T: Sendable>(_ body: () async throws(AsteroidError) -> T) async throws -> T? {
        let slot = BulkLedger.current
        slot?.requestSent()
        do {
            let result = try await request(body)
            slot?.requestEnded(succeeded: true)
            return result
        } catch let error as RuntimeError where !Self.isInterrupt(error) {
            slot?.requestEnded(succeeded: false)
            throw error
        }
    }

    /// Says that a target was skipped: to the bulk change's ledger (which counts them for its note), or
    /// on stderr for a single target.
    func skipped(_ id: String, verb: String, because reason: String) {
        if let slot = BulkLedger.current {
            slot.skip(note: reason)
        } else {
            EventLog.of(interpreter).event(
                "item-skipped", "\(verb): skipped \(id): \(reason)",
                fields: [("item", .string(id)), ("reason", .string(reason))], to: interpreter.output)
        }
    }

    /// Ctrl-C (or SIGTERM): the cancelled task, or a request cut off by it.
    static func isInterrupt(_ error: RuntimeError) -> Bool {
        Task.isCancelled || error.diagnostic.code == DiagnosticCode.interrupted
    }
}
