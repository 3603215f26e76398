import AstCommands
import AstRuntime
import AstSyntax
import Foundation

extension Engine {
    /// Runs `source` and returns the value of its last statement (streams read to the end).
    ///
    /// A script that does not parse, calls an unknown command or a command this engine does not allow
    /// throws a ``ScriptError`` of kind `.invalid` and runs nothing; a runtime error, a request that
    /// failed or a budget that ran out throws `.failed`; `exit N` (N ≠ 0) throws `.exited(N)`; a cancel
    /// through `cancellation` or the calling task throws `.cancelled`. `name` labels the source in diagnostics.
    public func evaluate(_ source: String, name: String = "<script>", cancellation: CancellationHandle? = nil)
        async throws(ScriptError) -> Value
    {
        try await run(SourceFile(name: name, text: source), cancellation: cancellation)
    }

    /// Runs `source` and decodes its result as `T` (through its JSON form: records as objects, times as
    /// RFC 3339 strings, durations as seconds).
    public func evaluate<T: Decodable>(
        _ source: String, as type: T.Type, name: String = "<script>", cancellation: CancellationHandle? = nil
    ) async throws -> T {
        try await evaluate(source, name: name, cancellation: cancellation).decode(as: T.self)
    }

    /// Runs the script file at `path` (read by the host: an engine without file access may still run it;
    /// the script's own `open`, `save` and `source` stay refused).
    public func evaluateFile(at path: String, cancellation: CancellationHandle? = nil) async throws(ScriptError)
        -> Value
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScriptError(
                kind: .invalid,
                diagnostics: [
                    ScriptDiagnostic(Diagnostic(DiagnosticCode.runtime, "cannot read \(path): no such file"))
                ])
        }
        return try await run(
            SourceFile(name: path, text: String(decoding: data, as: UTF8.self)), cancellation: cancellation)
    }

    /// One run with this engine's budgets: the step budget as a task-local, the wall-clock one as a timer
    /// that cancels the run (its in-flight requests included).
    func run(_ source: SourceFile, cancellation: CancellationHandle?) async throws(ScriptError) -> Value {
        let session = self.session
        let budget = options.stepLimit.map { StepBudget(limit: max(0, $0)) }
        let work = Task { () -> Result<Value, ScriptError> in
            await StepBudget.$current.withValue(budget) { await Self.outcome(of: source, in: session) }
        }
        let expired = Latch()
        let timer = options.timeLimit.map { limit in
            Task {
                try await Task.sleep(for: limit)
                expired.fire()
                work.cancel()
            }
        }
        let token = cancellation?.attach(work)
        let result = await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            work.cancel()
        }
        timer?.cancel()
        if let token { cancellation?.detach(token) }
        if expired.fired, case .failure(let error) = result, error.kind == .cancelled, let limit = options.timeLimit {
            throw ScriptError(kind: .failed, diagnostics: [ScriptDiagnostic(Self.timeBudgetExceeded(limit, source))])
        }
        return try result.get()
    }

    static func outcome(of source: SourceFile, in session: Session) async -> Result<Value, ScriptError> {
        switch await session.run(source, printResults: false) {
        case .success(let value):
            do { return .success(try await Value.from(value)) } catch let error as RuntimeError {
                return .failure(
                    ScriptError(kind: .failed, diagnostics: [ScriptDiagnostic(error.diagnostic.located(in: source))]))
            } catch {
                if Task.isCancelled { return .failure(cancelled(source)) }
                return .failure(
                    ScriptError(
                        kind: .failed,
                        diagnostics: [
                            ScriptDiagnostic(
                                Diagnostic(DiagnosticCode.runtime, String(describing: error), source: source))
                        ]))
            }
        case .invalid(let diagnostics, _):
            return .failure(ScriptError(kind: .invalid, diagnostics: diagnostics.map(ScriptDiagnostic.init)))
        case .failed(let diagnostic):
            return .failure(ScriptError(kind: .failed, diagnostics: [ScriptDiagnostic(diagnostic)]))
        case .exited(let code):
            return code == 0
                ? .success(.null) : .failure(ScriptError(kind: .exited(Int32(clamping: code)), diagnostics: []))
        case .interrupted: return .failure(cancelled(source))
        }
    }

    static func cancelled(_ source: SourceFile) -> ScriptError {
        ScriptError(
            kind: .cancelled,
            diagnostics: [
                ScriptDiagnostic(Diagnostic(DiagnosticCode.interrupted, "cancelled", source: source))
            ])
    }

    static func timeBudgetExceeded(_ limit: Duration, _ source: SourceFile) -> Diagnostic {
        let exact = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        let seconds = exact == exact.rounded() && exact < 1e15 ? "\(Int(exact))" : "\(exact)"
        return Diagnostic(
            DiagnosticCode.budgetExceeded, "time budget exceeded: the script ran longer than \(seconds)s",
            help: "the program that runs this script allows \(seconds) seconds per evaluation", source: source)
    }
}
