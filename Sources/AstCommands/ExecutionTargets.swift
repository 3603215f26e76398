import AstRuntime
import AstSyntax
import AsteroidModels

extension Invocation {
    /// The executions a command acts on: the ID argument if given, otherwise each id or execution record
    /// of the input. Lazy, so `list | get` streams.
    func targetIds(argument index: Int = 0) throws -> ValueStream {
        try targetItems(argument: index).map { .string(APIValues.executionId(of: $0) ?? "") }
    }

    /// The items `targetIds` reads ids from (checked to stand for an execution), kept whole: a record
    /// from `list` tells a mutating command more than its id (`hasBeenRerun`).
    func targetItems(argument index: Int = 0) throws -> ValueStream {
        if let given = positional(index), !given.isNull {
            let explicit = writtenTarget(given, argument: index)
            guard let id = APIValues.executionId(of: explicit) else {
                throw error("expected an execution id, got \(explicit.typeName)", argument: "id")
            }
            if explicit.recordValue != nil { return .from([explicit]) }
            let call = self
            return .from([.string(id)]).map { .string(try await call.resolveIdPrefix($0.text, argument: "id")) }
        }
        if input.isNull, interpreter.settings.dryRun {
            // After a dry-run change there is nothing to act on (`execute … | wait` under --dry-run).
            return .from([])
        }
        if input.isNull {
            throw error(
                "which execution? give an ID or pipe executions in",
                help: "e.g. get 3c90c3cc-… or list status=failed | first | get")
        }
        let span = self.span
        let source = env.source
        // Piped strings are ids as they are: a bulk change spends no lookup per item (prefixes are for
        // the ID a person types).
        return input.asStream.map { item in
            guard APIValues.executionId(of: item) != nil else {
                throw RuntimeError(
                    Diagnostic(
                        DiagnosticCode.typeMismatch,
                        "expected an execution id or an execution record, "
                            + "got \(item.typeName) \(item.literal.prefix(60))",
                        span: span, source: source))
            }
            return item
        }
    }

    /// For a mutating command: every target read first (a snapshot, so the command's own new
    /// executions are never picked up), each id once, and confirmation when more than one would change.
    /// Each target keeps the item it came from (a record from `list` tells whether it was rerun).
    func mutationTargets(verb: String, argument index: Int = 0) async throws -> [BulkTarget] {
        var seen: Set<String> = []
        var targets: [BulkTarget] = []
        for item in try await targetItems(argument: index).collect() {
            if let id = APIValues.executionId(of: item), seen.insert(id).inserted {
                targets.append(BulkTarget(id: id, item: item))
            }
        }
        if targets.count > 1, !interpreter.settings.dryRun {
            // The preview breaks records down by agent and status; bare ids are listed as they are.
            guard await interpreter.confirmBulk(verb: verb, items: targets.map(\.item)) else {
                throw error("cancelled: nothing was changed")
            }
        }
        return targets
    }

    /// The output shape for per-id results: one value for one id given as an argument or a single
    /// input value, a list otherwise.
    func shaped(_ results: [Value]) -> Value {
        yieldsSequence ? .list(results) : results.first ?? .null
    }

    /// Whether `shaped` gives a list (otherwise a single value).
    var yieldsSequence: Bool {
        !((positional(0).map { !$0.isNull } ?? false) || (!input.isSequence && !input.isNull))
    }
}

/// One execution a mutating command acts on: its id, and the item it came from.
struct BulkTarget: Sendable {
    let id: String
    let item: Value
}
