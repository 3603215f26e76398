import AstSyntax
import Foundation

extension Interpreter {
    /// Evaluates an expression in an environment.
    package func evaluate(_ expr: Expr, env: Env) async throws -> Value {
        switch expr.kind {
        case .literal(let literal):
            return Interpreter.value(of: literal)
        case .bareWord(let word):
            return .string(word)
        case .interpolation(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .pipeline(let pipeline):
                    text += try await evaluate(pipeline, input: .null, env: env).materialized().text
                }
            }
            return .string(text)
        case .variable(let name):
            return try variable(name, span: expr.span, env: env)
        case .field(let base, let name, let optional):
            let target: Value
            if let base {
                target = try await evaluate(base, env: env)
                if target.isNull, Interpreter.isOptionalStep(base) { return .null }
            } else {
                target = try variable("it", span: expr.span, env: env)
            }
            // Point at the step itself (`.stauts`), not the whole path.
            let stepLength = name.utf8.count + 1 + (optional ? 1 : 0)
            let stepSpan =
                base == nil || expr.span.length <= stepLength
                ? expr.span : Span(expr.span.end - stepLength, expr.span.end)
            return try await FieldAccess.read(name, of: target, optional: optional, span: stepSpan, source: env.source)
        case .index(let base, let indexExpr, let optional):
            let target = try await evaluate(base, env: env).materialized()
            if target.isNull, Interpreter.isOptionalStep(base) { return .null }
            let index = try await evaluate(indexExpr, env: env)
            return try FieldAccess.index(target, by: index, optional: optional, span: expr.span, source: env.source)
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(try await evaluate(item, env: env).materialized()) }
            return try Interpreter.boundedNesting(.list(values), span: expr.span, env: env)
        case .record(let fields):
            var record = Record()
            for field in fields { record[field.key] = try await evaluate(field.value, env: env).materialized() }
            return try Interpreter.boundedNesting(.record(record), span: expr.span, env: env)
        case .block(let block):
            return .closure(Closure(body: .block(block), scope: env.scope, source: env.source))
        case .statement(let statement):
            return try await execute(statement, env: env)
        case .subpipeline(let pipeline):
            return try await evaluate(pipeline, input: .null, env: env)
        case .unary(let op, let operand):
            let value = try await evaluate(operand, env: env).materialized()
            return try Operators.unary(op, value, span: expr.span, source: env.source)
        case .binary(let op, let left, let right):
            let lhs = try await evaluate(left, env: env).materialized()
            switch op {
            case .and:
                guard lhs.isTruthy else { return .bool(false) }
                return .bool(try await evaluate(right, env: env).materialized().isTruthy)
            case .or:
                if lhs.isTruthy { return .bool(true) }
                return .bool(try await evaluate(right, env: env).materialized().isTruthy)
            case .coalesce:
                return lhs.isNull ? try await evaluate(right, env: env) : lhs
            default:
                let rhs = try await evaluate(right, env: env).materialized()
                return try Operators.binary(op, lhs, rhs, span: expr.span, source: env.source)
            }
        }
    }

    /// A literal's value, unless it nests deeper than `Value.maxNesting` (see `Value.nestsDeeper`).
    static func boundedNesting(_ value: Value, span: Span, env: Env) throws -> Value {
        guard value.nestsDeeper(than: Value.maxNesting) else { return value }
        throw RuntimeError(
            Diagnostic(
                DiagnosticCode.tooDeep,
                "value is nested too deeply (more than \(Value.maxNesting) lists and records)", span: span,
                help:
                    "a recursive function that wraps its result at every call builds this; flatten it or recurse less",
                source: env.source))
    }

    static func isOptionalStep(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .field(_, _, let optional), .index(_, _, let optional): optional
        default: false
        }
    }

    static func value(of literal: Literal) -> Value {
        switch literal {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let f): .float(f)
        case .string(let s): .string(s)
        case .duration(let d): .duration(d)
        case .time(let t): .time(t)
        }
    }

    func variable(_ name: String, span: Span, env: Env) throws -> Value {
        if name == "now" { return .time(now) }
        if let value = env.scope.lookup(name) { return value }
        if name == "it" {
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.unknownVariable, "$it is not defined here", span: span,
                    help:
                        "$it is the current item inside where, each, sort-by and blocks; a path like .status reads it",
                    source: env.source))
        }
        let candidates = env.scope.visibleVariables + ["now"]
        throw RuntimeError(
            Diagnostic(
                DiagnosticCode.unknownVariable, "unknown variable '$\(name)'", span: span,
                help: Suggest.closest(to: name, in: candidates).map { "did you mean '$\($0)'?" }
                    ?? "define it with: let \(name) = …",
                source: env.source))
    }
}
