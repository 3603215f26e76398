import AstRuntime
import AstSyntax

/// The question of a profile marked `confirm = "always"`: before an entry (or a script) that may change
/// executions runs, ask once, even for a single execution and even with `--yes` (only `--yes=NAME` turns
/// it off, by not installing the gate). Where nobody can answer, the change is refused.
///
/// It reads the entry as the bulk confirmation does (`Interpreter.mutatingCommandNames`, which sees
/// through `def`s and blocks), so it asks before the first request, and never for reads. `--dry-run`
/// sends no change, so it does not ask.
package struct ChangeGate: Sendable {
    package let profile: String
    /// Asks a yes/no question at the terminal; nil when nobody can answer.
    package let ask: (@Sendable (String) async -> Bool)?

    package init(profile: String, ask: (@Sendable (String) async -> Bool)?) {
        self.profile = profile
        self.ask = ask
    }

    /// Nil to go ahead; otherwise why the entry was not run.
    package func check(_ source: SourceFile, interpreter: Interpreter) async -> String? {
        guard !interpreter.settings.dryRun else { return nil }
        let parsed = Parser.parse(source, options: interpreter.parserOptions)
        // A syntax error is the run's to report (and nothing runs then).
        guard parsed.succeeded else { return nil }
        let names = interpreter.mutatingCommandNames(in: .program(parsed.program), scope: interpreter.globals)
        guard !names.isEmpty else { return nil }
        let question = "profile \(profile) asks before every change: run this (\(names.joined(separator: ", ")))?"
        guard let ask else {
            return "profile \(profile) asks before every change (confirm = \"always\") and nobody can answer here:"
                + " nothing was changed; pass --yes=\(profile) to run it unasked"
        }
        return await ask(question) ? nil : "cancelled: nothing was changed"
    }
}

/// A `ReplEngine` whose entries pass the profile's ``ChangeGate`` first.
package final class GatedReplEngine: ReplEngine {
    let inner: SessionReplEngine
    let gate: ChangeGate

    package init(_ inner: SessionReplEngine, gate: ChangeGate) {
        self.inner = inner
        self.gate = gate
    }

    package func isIncomplete(_ source: String) -> Bool { inner.isIncomplete(source) }

    package func evaluate(_ source: String) async -> ReplOutcome {
        let file = SourceFile(name: "<input>", text: source)
        if let refusal = await gate.check(file, interpreter: inner.session.interpreter) { return .failure(refusal) }
        return await inner.evaluate(source)
    }

    package func completionSource() async -> any CompletionSource { await inner.completionSource() }
}
