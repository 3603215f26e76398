import AstBuiltins
import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation

/// A language session for the interactive prompt (and for tests): one interpreter whose definitions,
/// variables and settings persist from entry to entry.
///
/// The REPL drives it with three calls:
/// - ``isIncomplete(_:)`` — the entry ends inside an open bracket, string, or after `|`/`=`/an operator:
///   ask for a continuation line;
/// - ``evaluate(_:)`` — runs an entry; results come back rendered (a table at a terminal, JSON Lines
///   otherwise) and the last one is kept in `$_`; errors come back rendered against the typed text;
///   cancelling the calling task (Ctrl-C) stops the pipeline, in-flight requests included, and the
///   outcome says what had completed (`interrupted: each completed 2 of 5 items (3 not started)`);
/// - completion data — ``agentNames``, ``executionIds`` and ``schemaNamed(_:)``; the REPL's
///   `RuntimeCompletionSource` reads the rest (commands, arguments, variables) from the interpreter.
package final class Session: Sendable {
    package let interpreter: Interpreter
    package let api: APIService?
    /// Progress of `each`/`wait`: drawn on `progressDisplay` (a terminal's stderr) and summarised on Ctrl-C.
    package let progress: ProgressBoard
    private let counter = SerialNumber()
    private let shown: ProgressAwareOutput

    /// - `api`: the API to bind (nil: API commands explain that none is configured).
    /// - `output`: where `print` and results go.
    /// - `confirmer`: asks a yes/no question at the terminal (bulk changes); nil never asks.
    /// - `progressDisplay`: where progress lines of long `each`/`wait` work are drawn (nil: none).
    /// - `registry`: the commands (a host that embeds the language adds, removes or refuses some).
    package init(
        api: APIService?, output: OutputSink = StandardOutput(), settings: Settings = Settings(),
        confirmer: (@Sendable (String) async -> Bool)? = nil, arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        progressDisplay: (any ProgressDisplay)? = nil, registry: Registry = APICommands.registry
    ) {
        progress = ProgressBoard(display: progressDisplay)
        shown = ProgressAwareOutput(output, progress: progress)
        interpreter = Interpreter(registry: registry, output: shown, settings: settings, confirmer: confirmer)
        progress.install(on: interpreter)
        self.api = api
        api?.install(on: interpreter)
        Session.defineBuiltins(
            interpreter, arguments: arguments, environment: environment, apiKey: api?.client.configuration.apiKey)
    }

    /// `$args` and `$env`. Variables named like credentials (`…API_KEY`, `…SECRET…`, `…TOKEN…`, `…PASSWORD…`)
    /// are left out of `$env`; any other whose value holds one of their values or the API key, in any form
    /// the redactor knows, is shown as `<redacted>` (a copy of the key under another name is still the key).
    static func defineBuiltins(
        _ interpreter: Interpreter, arguments: [String], environment: [String: String], apiKey: String? = nil
    ) {
        interpreter.globals.define("args", .list(arguments.map { .string($0) }))
        let hidden = environment.filter { isCredentialName($0.key) }
        let secrets = Array(hidden.values) + (apiKey.map { [$0] } ?? [])
        let redactor = Redactor(secrets: secrets, minimumLength: secretMinimumLength)
        let exact = Set(secrets.filter { $0.count >= 6 })
        var env = Record()
        for key in environment.keys.sorted() where hidden[key] == nil {
            let value = environment[key] ?? ""
            env[key] = .string(exact.contains(value) || redactor.reveals(value) ? Redactor.placeholder : value)
        }
        interpreter.globals.define("env", .record(env))
        interpreter.globals.define("_", .null)
    }

    /// Secrets shorter than this are matched only as a whole value (a short one would match ordinary text).
    package static let secretMinimumLength = 8

    static func isCredentialName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["API_KEY", "SECRET", "TOKEN", "PASSWORD"].contains { upper.contains($0) }
    }

    /// The result of one entry.
    package enum Outcome: Sendable, Equatable {
        /// Rendered results (empty when the entry yielded nothing to show).
        case output(String)
        /// A rendered diagnostic (or several, for parse errors).
        case failure(String)
        /// Ctrl-C: `interrupted`, then what had completed (`interrupted: each completed 2 of 5 items …`).
        case interrupted(summary: String)
        case exit(Int32)
    }

    /// True when the text is an unfinished entry (the prompt should read another line).
    package func isIncomplete(_ text: String) -> Bool {
        let result = Parser.parse(text, file: "<input>", options: interpreter.parserOptions)
        return result.isIncomplete
    }

    /// Parses and runs one entry. Results are rendered into the returned text; `print` output goes to
    /// the session's output sink as it happens.
    package func evaluate(_ text: String) async -> Outcome {
        let number = counter.next()
        let source = SourceFile(name: "<input:\(number)>", text: text)
        let collected = ResultCollector()
        let outcome = await tracked { await interpreter.run(source, printResults: false, collectResults: collected) }
        let renderer = DiagnosticRenderer(color: interpreter.settings.color)
        switch outcome {
        case .success:
            if let last = await collected.values.last { interpreter.globals.define("_", last) }
            return .output(rendered(await collected.values))
        case .invalid(let diagnostics, _): return .failure(renderer.render(diagnostics))
        case .failed(let diagnostic):
            // A bulk change yields its successes, then its statement fails: show them before the failure.
            let shownFirst = rendered(await collected.values)
            if !shownFirst.isEmpty { interpreter.output.write(shownFirst) }
            return .failure(renderer.render(diagnostic))
        case .exited(let code): return .exit(Int32(code))
        case .interrupted: return .interrupted(summary: interruptionSummary)
        }
    }

    /// Results as the prompt shows them: a table at a terminal, JSON Lines otherwise; strings as they are.
    private func rendered(_ values: [Value]) -> String {
        var text = ""
        let render = Renderer(settings: interpreter.settings)
        for value in values where !value.isNull {
            let rendered = value.stringValue ?? render.render(value)
            text += rendered.hasSuffix("\n") ? rendered : rendered + "\n"
        }
        return text
    }

    /// Runs a whole script (results printed as they come); Ctrl-C (cancelling the calling task) ends it
    /// with `.interrupted`, and ``interruptionSummary`` then says what had completed.
    /// `printResults: false` (a host that reads the result itself): nothing but `print` is written.
    package func run(_ source: SourceFile, printResults: Bool = true) async -> RunOutcome {
        await tracked { await interpreter.run(source, printResults: printResults) }
    }

    /// Runs one entry with fresh progress; a cancellation freezes what had completed at that moment.
    private func tracked(_ body: () async -> RunOutcome) async -> RunOutcome {
        progress.reset()
        shown.resetCount()
        let board = progress
        let outcome = await withTaskCancellationHandler {
            await body()
        } onCancel: {
            board.freeze()
        }
        progress.finishRun()
        // A request cut off by Ctrl-C fails with "interrupted": that is the interrupt, not an error.
        if case .failed(let diagnostic) = outcome, Task.isCancelled || diagnostic.code == DiagnosticCode.interrupted {
            return .interrupted
        }
        return outcome
    }

    /// `interrupted`, then what the last run had completed: the `each`/`wait` stages under way and the
    /// lines of output shown, e.g. `interrupted: each completed 2 of 5 items (1 cancelled, 2 not started)`.
    package var interruptionSummary: String {
        var clauses: [String] = []
        if let stages = progress.summary { clauses.append(stages) }
        let lines = shown.lineCount
        if lines > 0 { clauses.append("\(lines) line\(lines == 1 ? "" : "s") of output shown") }
        return clauses.isEmpty ? "interrupted" : "interrupted: " + clauses.joined(separator: "; ")
    }

    // MARK: completion data (the REPL builds its `RuntimeCompletionSource` from these and the interpreter)

    /// The schema a signature's `outputSchema` names ("execution", "agent", "activity").
    package func schemaNamed(_ name: String) -> Schema? { APISchemas.byName[name] }

    /// Agent names seen in responses this session.
    package var agentNames: [String] { api?.seen.agentNames ?? [] }

    /// Execution ids seen in responses this session (most recent last).
    package var executionIds: [String] { api?.seen.executionIds ?? [] }
}

/// The session's output: removes the progress line before writing (so results and the bar never share a
/// line) and counts the lines written to stdout in the current run.
final class ProgressAwareOutput: OutputSink, @unchecked Sendable {
    let base: OutputSink
    let progress: ProgressBoard
    private let lock = NSLock()
    private var lines = 0

    init(_ base: OutputSink, progress: ProgressBoard) {
        self.base = base
        self.progress = progress
    }

    var lineCount: Int { lock.withLock { lines } }
    func resetCount() { lock.withLock { lines = 0 } }

    func write(_ text: String) {
        progress.clearLine()
        let count = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        lock.withLock { lines += max(count, text.isEmpty ? 0 : 1) }
        base.write(text)
    }

    func writeError(_ text: String) {
        progress.clearLine()
        base.writeError(text)
    }
}
