import AstSyntax
import Foundation

extension Interpreter {
    /// Runs a pipeline: each stage's output is the next stage's input. `demand` is what the pipeline's
    /// consumer reads of its result; each command stage learns what the stage after it reads.
    package func evaluate(_ pipeline: Pipeline, input: Value, env: Env, demand: Demand = .everything) async throws
        -> Value
    {
        var value = input
        var stages = pipeline.stages
        var index = 0
        while index < stages.count {
            try Task.checkCancellation()
            let next: Value
            switch stages[index] {
            case .command(let call):
                let consumer = index + 1 < stages.count ? inputDemand(of: stages[index + 1], env: env) : demand
                if let absorbing = absorbingCommand(call, env: env) {
                    let following = Array(stages[(index + 1)...])
                    let (output, remaining) = try await run(
                        absorbing, call, input: value, following: following, env: env, demand: consumer)
                    next = output
                    if let remaining { stages = Array(stages[...index]) + remaining }
                } else {
                    next = try await callCommand(call, input: value, env: env, demand: consumer)
                }
            case .expr(let expr):
                next = try await evaluateStage(expr, input: value, first: index == 0, env: env)
            }
            Self.release(consume value)
            value = next
            index += 1
        }
        return value
    }

    /// The registered command of a stage when it may absorb the stages after it (`StageAbsorbing`).
    func absorbingCommand(_ call: CommandCall, env: Env) -> (any StageAbsorbing)? {
        guard env.scope.function(call.name) == nil else { return nil }
        return registry.lookup(call.name) as? any StageAbsorbing
    }

    /// Offers the stages after the command to it; when it takes none, runs it as usual. `remaining` is
    /// nil when the pipeline goes on unchanged.
    func run(
        _ command: any StageAbsorbing, _ call: CommandCall, input: Value, following: [Stage], env: Env, demand: Demand
    ) async throws -> (Value, [Stage]?) {
        var invocation = try await bind(call, to: command.signature, input: input, env: env)
        invocation.demand = demand
        do {
            if let (output, remaining) = try await command.absorb(invocation, following: following) {
                return (output, remaining)
            }
            return (try await command.run(invocation), nil)
        } catch var error as RuntimeError {
            error.diagnostic = error.diagnostic.located(in: env.source, span: call.span)
            throw error
        } catch let diagnostic as Diagnostic {
            throw RuntimeError(diagnostic.located(in: env.source, span: call.span))
        }
    }

    /// What a stage reads of its input: a registered command says so in its signature; a function, an
    /// expression or an unknown command may read anything.
    func inputDemand(of stage: Stage, env: Env) -> Demand {
        guard case .command(let call) = stage, env.scope.function(call.name) == nil,
            let command = registry.lookup(call.name)
        else { return .everything }
        return command.signature.inputDemand
    }

    /// Drops a stage's input. A large list (`open big.json`) can take a good part of a second to free,
    /// item by item: that happens on a background thread, off the pipeline's path (and a process that
    /// exits right after the pipeline does not wait for it).
    static func release(_ value: consuming Value) {
        guard case .list(let items) = value, items.count >= 4096 else { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(items) {} }
    }

    /// An expression stage runs once per item of a list or stream (lazily for streams), otherwise once.
    func evaluateStage(_ expr: Expr, input: Value, first: Bool, env: Env) async throws -> Value {
        if first { return try await evaluate(expr, env: input.isNull ? env : env.child(["it": input])) }
        switch input {
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try await evaluate(expr, env: env.child(["it": item]))) }
            return .list(out)
        case .stream(let stream):
            return .stream(stream.map { [self] item in try await self.evaluate(expr, env: env.child(["it": item])) })
        default:
            return try await evaluate(expr, env: env.child(["it": input]))
        }
    }

    /// Calls a `def` function or a registered command.
    package func callCommand(_ call: CommandCall, input: Value, env: Env, demand: Demand = .everything) async throws
        -> Value
    {
        if let function = env.scope.function(call.name) {
            var arguments: [(String?, Value)] = []
            var rest = call.arguments[...]
            while let argument = rest.popFirst() {
                switch argument {
                case .positional(let expr): arguments.append((nil, try await evaluate(expr, env: env).materialized()))
                case .named(let name, _, let expr):
                    arguments.append((name, try await evaluate(expr, env: env).materialized()))
                case .flag(let name, let span, let expr):
                    if let expr {
                        arguments.append((name, try await evaluate(expr, env: env)))
                    } else if let param = function.params.first(where: { $0.name == name }), param.takesValue {
                        // An option (`--n: int`, `--window = 24h`) takes the next argument: `f 1 --n 4`.
                        guard case .positional(let value)? = rest.first else {
                            throw RuntimeError(
                                Diagnostic(
                                    DiagnosticCode.badArgument, "--\(name) needs a value", span: span,
                                    help: "call it as \(call.name) --\(name) VALUE (or \(name)=VALUE)",
                                    source: env.source))
                        }
                        rest.removeFirst()
                        arguments.append((name, try await evaluate(value, env: env).materialized()))
                    } else {
                        arguments.append((name, .bool(true)))
                    }
                case .stage(let inner):
                    arguments.append(
                        (nil, .closure(Closure(body: .stage(inner), scope: env.scope, source: env.source))))
                }
            }
            return try await self.call(function, input: input, arguments: arguments, env: env, callSpan: call.span)
        }
        guard let command = registry.lookup(call.name) else {
            throw RuntimeError(
                Diagnostic(
                    DiagnosticCode.unknownCommand, "unknown command '\(call.name)'",
                    span: call.nameSpan,
                    help: Suggest.help(for: call.name, in: callableNames) ?? "run 'help' to list the commands",
                    source: env.source))
        }
        var invocation = try await bind(call, to: command.signature, input: input, env: env)
        invocation.demand = demand
        do {
            return try await command.run(invocation)
        } catch var error as RuntimeError {
            error.diagnostic = error.diagnostic.located(in: env.source, span: call.span)
            throw error
        } catch let diagnostic as Diagnostic {
            throw RuntimeError(diagnostic.located(in: env.source, span: call.span))
        }
    }

    /// Evaluates an expression with `$it` bound to `item` (used by `assert` and friends).
    package func evaluate(_ expr: Expr, it item: Value, env: Env) async throws -> Value {
        try await evaluate(expr, env: env.child(["it": item]))
    }
}
