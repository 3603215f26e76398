import AstSyntax
import Foundation

/// How a run ended.
package enum RunOutcome: Sendable {
    case success(Value)
    /// Parse or check errors (exit 2) — nothing ran.
    case invalid([Diagnostic], incomplete: Bool)
    /// A runtime error (exit 1).
    case failed(Diagnostic)
    /// `exit N`.
    case exited(Int)
    /// Ctrl-C (exit 130).
    case interrupted

    package var exitCode: Int32 {
        switch self {
        case .success: 0
        case .invalid: 2
        case .failed: 1
        case .exited(let code): Int32(code)
        case .interrupted: 130
        }
    }
}

extension Interpreter {
    /// Parses, checks and runs a source text. Each top-level statement's result is printed unless it is
    /// null or bound by `let` (`printResults`). Diagnostics are returned, not printed.
    package func run(
        _ source: SourceFile, env: Env? = nil, printResults: Bool = true,
        collectResults: ResultCollector? = nil
    ) async -> RunOutcome {
        let parsed = Parser.parse(source, options: parserOptions)
        if !parsed.diagnostics.isEmpty { return .invalid(parsed.diagnostics, incomplete: parsed.isIncomplete) }
        let checked = Checker.check(
            parsed.program, registry: registry, functions: globals.visibleFunctions, source: source)
        if !checked.isEmpty { return .invalid(checked, incomplete: false) }
        // A script's `def main` takes its command line ($args) before anything runs; the prompt (which
        // collects results) runs no main.
        var main: (arguments: [(String?, Value)], body: Statement)?
        if collectResults == nil, let found = ScriptMain.find(in: parsed.program) {
            let commandLine = await ScriptMain(
                params: found.params, defSpan: found.span, source: source, interpreter: self)
            let arguments = ScriptMain.arguments(globals.lookup("args"))
            do {
                switch try commandLine.parse(arguments, source: source) {
                case .help(let text):
                    output.write(text)
                    return .success(.null)
                case .arguments(let bound):
                    main = (bound, Statement(kind: .block(found.body), span: found.body.span))
                }
            } catch let diagnostic as Diagnostic {
                return .invalid([diagnostic], incomplete: false)
            } catch {
                return .invalid([Diagnostic(DiagnosticCode.badArgument, String(describing: error))], incomplete: false)
            }
        }
        let env = env ?? Env(scope: globals, source: source)
        var last: Value = .null
        _ = takeDeferredFailure()
        do {
            func finish(_ result: Value) async throws {
                var value = result
                if let collectResults, !value.isNull {
                    value = try await value.materialized()
                    await collectResults.add(value)
                }
                if printResults, !value.isNull {
                    try await Renderer(settings: settings).emit(value, to: output)
                }
                if let failure = takeDeferredFailure() { throw failure }
                last = value
            }
            for statement in parsed.program.statements {
                try await finish(
                    try await withMutationContext(of: statement, env: env) { try await execute(statement, env: env) })
            }
            if let main, let function = env.scope.function("main") {
                try await finish(
                    try await withMutationContext(of: main.body, env: env) {
                        try await call(function, input: .null, arguments: main.arguments, env: env)
                    })
            }
            return .success(last)
        } catch let error as RuntimeError {
            return .failed(error.diagnostic.located(in: source))
        } catch let diagnostic as Diagnostic {
            return .failed(diagnostic.located(in: source))
        } catch ControlFlow.exit(let code) {
            return .exited(code)
        } catch ControlFlow.returned(let value) {
            return .success(value)
        } catch ControlFlow.breakLoop, ControlFlow.continueLoop {
            return .failed(Diagnostic(DiagnosticCode.runtime, "break or continue outside a loop", source: source))
        } catch is CancellationError {
            return .interrupted
        } catch {
            if Task.isCancelled { return .interrupted }
            return .failed(Diagnostic(DiagnosticCode.runtime, String(describing: error), source: source))
        }
    }
}

/// Gathers the results of top-level statements (the prompt renders them itself).
package actor ResultCollector {
    package private(set) var values: [Value] = []
    package init() {}
    package func add(_ value: Value) { values.append(value) }
}
