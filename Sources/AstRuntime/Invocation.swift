import AstSyntax
import Foundation

/// One call of a command: its input, its bound arguments, and where each came from (for errors).
package struct Invocation: Sendable {
    package var input: Value
    package var positionals: [Value]
    package var named: [String: Value]
    package var flags: [String: Value]
    package var span: Span
    package var argumentSpans: [String: Span]
    package var interpreter: Interpreter
    package var env: Env
    /// What the next stage reads of this command's output (default: everything).
    package var demand: Demand = .everything

    package func flag(_ name: String) -> Bool { flags[name]?.isTruthy ?? false }

    package func positional(_ index: Int) -> Value? {
        index < positionals.count ? positionals[index] : nil
    }

    /// A runtime error pointing at an argument (or at the whole call).
    package func error(
        _ message: String, argument: String? = nil, help: String? = nil, code: String = DiagnosticCode.runtime
    )
        -> RuntimeError
    {
        let span = argument.flatMap { argumentSpans[$0] } ?? self.span
        return RuntimeError(Diagnostic(code, message, span: span, help: help, source: env.source))
    }

    /// Calls a closure (block, expression or stage) with `$it` and the input set to `item`.
    package func call(_ closure: Closure, with item: Value, demand: Demand = .everything) async throws -> Value {
        try await interpreter.call(closure, input: item, arguments: [], env: env, demand: demand)
    }

    package var now: Date { interpreter.now }
}

/// A runtime failure: a diagnostic, plus details that `catch` exposes on `err` (e.g. `status`).
package struct RuntimeError: Error, Sendable {
    package var diagnostic: Diagnostic
    package var details: [(String, Value)]

    package init(_ diagnostic: Diagnostic, details: [(String, Value)] = []) {
        self.diagnostic = diagnostic
        self.details = details
    }

    package init(_ message: String, help: String? = nil, code: String = DiagnosticCode.runtime) {
        self.init(Diagnostic(code, message, help: help))
    }

    /// The `err` record seen by a `catch` block.
    package var record: Value {
        var record = Record([("message", .string(diagnostic.message)), ("code", .string(diagnostic.code))])
        for (key, value) in details { record[key] = value }
        return .record(record)
    }
}

/// Non-local exits, carried as errors up to the construct that handles them.
package enum ControlFlow: Error, Sendable {
    case returned(Value)
    case breakLoop
    case continueLoop
    case exit(Int)
}
