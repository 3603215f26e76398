import AstRuntime
import AstSyntax

/// `assert EXPR`: fails when EXPR is false, showing its source and, for a comparison, both sides.
struct AssertCommand: Command {
    let signature = Signature(
        "assert", "fail unless a condition holds", category: "session",
        positionals: [ParamSpec("condition", .closure, "the condition", required: true)],
        style: .expression,
        examples: [Example("assert 1 + 1 == 2", "passes silently", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        let condition = try call.closure(0, what: "assert needs a condition")
        guard case .expr(let expr) = condition.body else { throw call.error("assert needs an expression") }
        let env = call.env
        let item = call.input
        if case .binary(let op, let left, let right) = expr.kind, op != .and, op != .or {
            let lhs = try await call.interpreter.evaluate(left, it: item, env: env).materialized()
            let rhs = try await call.interpreter.evaluate(right, it: item, env: env).materialized()
            let holds =
                op == .coalesce
                ? !(lhs.isNull ? rhs : lhs).isTruthy == false
                : try Operators.binary(op, lhs, rhs, span: expr.span, source: env.source).isTruthy
            if holds { return .null }
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.assertion,
                    "assertion failed: \(env.source.text(of: expr.span))\n  left:  \(lhs.literal)\n  "
                        + "right: \(rhs.literal)",
                    span: expr.span, source: env.source))
        }
        let value = try await call.interpreter.evaluate(expr, it: item, env: env).materialized()
        if value.isTruthy { return .null }
        throw RuntimeError(
            Diagnostic(
                DiagnosticCode.assertion,
                "assertion failed: \(env.source.text(of: expr.span)) (was \(value.literal))", span: expr.span,
                source: env.source))
    }
}
