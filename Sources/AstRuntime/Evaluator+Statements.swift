import AstSyntax
import Foundation

extension Interpreter {
    /// Runs one statement; returns its result (`null` for bindings, definitions and loops).
    package func execute(_ statement: Statement, env: Env) async throws -> Value {
        try Task.checkCancellation()
        try StepBudget.step(at: statement.span, source: env.source)
        switch statement.kind {
        case .let(let name, _, let value):
            let result = try await evaluate(value, input: .null, env: env).materialized()
            if let failure = takeDeferredFailure() { throw failure }
            env.scope.define(name, result)
            return .null
        case .def(let name, _, let params, let body):
            env.scope.defineFunction(
                name, Closure(name: name, params: params, body: .block(body), scope: env.scope, source: env.source))
            return .null
        case .if(let condition, let then, let otherwise):
            if try await evaluate(condition, env: env).materialized().isTruthy {
                return try await run(then, input: .null, env: env)
            }
            guard let otherwise else { return .null }
            return try await execute(otherwise, env: env)
        case .block(let block):
            return try await run(block, input: .null, env: env)
        case .for(let name, _, let sequence, let body):
            let values = try await evaluate(sequence, input: .null, env: env)
            let iterator = values.asStream.makeIterator()
            while let item = try await iterator.next() {
                try Task.checkCancellation()
                do {
                    _ = try await run(body, input: .null, env: env.child([name: item]))
                } catch ControlFlow.breakLoop {
                    break
                } catch ControlFlow.continueLoop {
                    continue
                }
            }
            return .null
        case .try(let body, let errorName, let handler):
            do {
                let value = try await run(body, input: .null, env: env).materialized()
                if let failure = takeDeferredFailure() { throw failure }
                return value
            } catch let error as RuntimeError {
                guard let handler else { return .null }
                return try await run(handler, input: .null, env: env.child([errorName ?? "err": error.record]))
            }
        case .return(let pipeline):
            var value = Value.null
            if let pipeline { value = try await evaluate(pipeline, input: .null, env: env).materialized() }
            throw ControlFlow.returned(value)
        case .break:
            throw ControlFlow.breakLoop
        case .continue:
            throw ControlFlow.continueLoop
        case .exit(let expr):
            guard let expr else { throw ControlFlow.exit(0) }
            let value = try await evaluate(expr, env: env)
            guard let code = value.intValue, (0...255).contains(code) else {
                throw RuntimeError(
                    Diagnostic(
                        DiagnosticCode.typeMismatch,
                        "exit needs a status code from 0 to 255, got \(value.literal)", span: expr.span,
                        source: env.source))
            }
            throw ControlFlow.exit(code)
        case .pipeline(let pipeline):
            return try await evaluate(pipeline, input: .null, env: env)
        }
    }

    /// Runs a block in a new scope; its value is the last statement's.
    package func run(_ block: Block, input: Value, env: Env) async throws -> Value {
        let inner = env.child()
        var last: Value = .null
        for statement in block.statements {
            last = try await execute(statement, env: inner)
        }
        return last
    }

    /// Calls a closure or function with an input (bound to `$it` and `$in`) and arguments.
    package func call(
        _ closure: Closure, input: Value, arguments: [(String?, Value)], env: Env, callSpan: Span? = nil,
        demand: Demand = .everything
    ) async throws -> Value {
        try StepBudget.step(at: callSpan ?? closure.span, source: env.source)
        guard env.depth < maxDepth else {
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.tooDeep,
                    "calls are nested too deeply (more than \(maxDepth))", span: callSpan ?? closure.span,
                    source: env.source,
                ), details: [])
        }
        var bindings: [String: Value] = ["it": input, "in": input]
        var inner = Env(
            scope: closure.scope.child(), source: closure.source, depth: env.depth + 1, sources: env.sources)
        if !closure.params.isEmpty || !arguments.isEmpty {
            try await bind(arguments, to: closure, bindings: &bindings, env: env, inner: inner, callSpan: callSpan)
        }
        inner = Env(
            scope: closure.scope.child(bindings), source: closure.source, depth: env.depth + 1, sources: env.sources)
        switch closure.body {
        case .expr(let expr):
            return try await evaluate(expr, env: inner)
        case .stage(let call):
            return try await callCommand(call, input: input, env: inner, demand: demand)
        case .block(let block):
            do {
                var last: Value = .null
                for statement in block.statements { last = try await execute(statement, env: inner) }
                return last
            } catch ControlFlow.returned(let value) {
                return value
            }
        }
    }

    private func bind(
        _ arguments: [(String?, Value)], to closure: Closure, bindings: inout [String: Value], env: Env, inner: Env,
        callSpan: Span?
    ) async throws {
        let name = closure.name ?? "closure"
        var positional = arguments.filter { $0.0 == nil }.map(\.1)
        for (key, value) in arguments {
            guard let key else { continue }
            guard closure.params.contains(where: { $0.name == key }) else {
                throw RuntimeError(
                    Diagnostic(
                        DiagnosticCode.unknownArgument, "\(name) has no parameter '\(key)'",
                        span: callSpan, help: Suggest.help(for: key, in: closure.params.map(\.name)), source: env.source
                    ))
            }
            bindings[key] = value
        }
        for param in closure.params where bindings[param.name] == nil {
            // `--name` parameters are given by name (`--dry`, `--n 4`, `n=4`), never by position.
            if !param.isFlag, !positional.isEmpty {
                bindings[param.name] = positional.removeFirst()
            } else if let defaultValue = param.defaultValue {
                bindings[param.name] = try await evaluate(
                    defaultValue,
                    env: Env(
                        scope: closure.scope.child(bindings), source: closure.source, depth: inner.depth,
                        sources: env.sources))
            } else if param.isFlag {
                // `--dry` not given is false; an option `--n: int` not given is null.
                bindings[param.name] = param.type == nil || param.type == "bool" ? .bool(false) : .null
            } else {
                throw RuntimeError(
                    Diagnostic(
                        DiagnosticCode.badArgument, "\(name) needs an argument for '\(param.name)'",
                        span: callSpan,
                        help:
                            "call it as \(name) "
                                + closure.params.map {
                                    $0.defaultValue == nil ? $0.name.uppercased() : "[\($0.name)=…]"
                                }.joined(separator: " "),
                        source: env.source))
            }
        }
        if !positional.isEmpty {
            let positions = closure.params.filter { !$0.isFlag }.count
            let given = arguments.filter { $0.0 == nil }.count
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.badArgument,
                    "\(name) takes \(positions) argument\(positions == 1 ? "" : "s"), got \(given)",
                    span: callSpan,
                    help: closure.params.contains(where: \.isFlag)
                        ? "give --name parameters by name: --dry, --n 4 or n=4" : nil,
                    source: env.source))
        }
    }
}
