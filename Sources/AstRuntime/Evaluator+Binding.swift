import AstSyntax
import Foundation

extension Interpreter {
    /// Matches a call's arguments to a signature, evaluating and converting each one.
    func bind(_ call: CommandCall, to signature: Signature, input: Value, env: Env) async throws -> Invocation {
        var invocation = Invocation(
            input: input, positionals: [], named: [:], flags: [:], span: call.span,
            argumentSpans: [:], interpreter: self, env: env)
        func fail(_ message: String, _ span: Span, help: String? = nil, code: String = DiagnosticCode.badArgument)
            -> RuntimeError
        {
            RuntimeError(Diagnostic(code, message, span: span, help: help, source: env.source))
        }
        var arguments = call.arguments[...]
        var positionalSpecs = signature.positionals[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case .named(let name, let nameSpan, let expr):
                let spec = signature.named.first { $0.name == name }
                let prefixed = signature.namedPrefixes.contains { name.hasPrefix($0) && name.count > $0.count }
                guard spec != nil || prefixed else {
                    let candidates = signature.named.map(\.name) + signature.namedPrefixes.map { $0 + "KEY" }
                    throw fail(
                        "\(signature.name) has no argument '\(name)'", nameSpan,
                        help: Suggest.help(for: name, in: candidates) ?? "see 'help \(signature.name)'",
                        code: DiagnosticCode.unknownArgument)
                }
                if let spec, let refusal = registry.refusal(of: spec, in: signature.name) {
                    throw fail(refusal, nameSpan, help: RefusedCommand.help, code: DiagnosticCode.notAllowed)
                }
                var value = Self.textAsTyped(expr, spec, source: env.source) ?? .null
                if value.isNull { value = try await argumentValue(expr, spec?.type ?? .any, env: env) }
                invocation.named[name] = try convert(
                    value, to: spec, command: signature.name, span: expr.span, env: env)
                invocation.argumentSpans[name] = nameSpan.merged(expr.span)
            case .flag(let name, let span, let expr):
                guard let spec = signature.flags.first(where: { $0.name == name || $0.short == name }) else {
                    let candidates = signature.flags.flatMap { [$0.name] + ($0.short.map { [$0] } ?? []) }
                    throw fail(
                        "\(signature.name) has no flag '\(span.length > 2 && name.count > 1 ? "--" : "-")\(name)'",
                        span,
                        help: Suggest.help(for: name, in: candidates) ?? "see 'help \(signature.name)'",
                        code: DiagnosticCode.unknownArgument)
                }
                var valueExpr = expr
                if spec.valueType != nil, valueExpr == nil, case .positional(let next)? = arguments.first {
                    arguments.removeFirst()
                    valueExpr = next
                }
                if let type = spec.valueType {
                    guard let valueExpr else { throw fail("--\(spec.name) needs a value", span) }
                    let value = try await argumentValue(valueExpr, type, env: env)
                    invocation.flags[spec.name] = try convert(
                        value, to: ParamSpec(spec.name, type, spec.help), command: signature.name,
                        span: valueExpr.span, env: env)
                    invocation.argumentSpans[spec.name] = span.merged(valueExpr.span)
                } else {
                    if let valueExpr {
                        invocation.flags[spec.name] = try await evaluate(valueExpr, env: env)
                    } else {
                        invocation.flags[spec.name] = .bool(true)
                    }
                    invocation.argumentSpans[spec.name] = span
                }
            case .stage(let inner):
                _ = positionalSpecs.popFirst()
                invocation.positionals.append(
                    .closure(Closure(body: .stage(inner), scope: env.scope, source: env.source)))
                invocation.argumentSpans["#\(invocation.positionals.count - 1)"] = inner.span
            case .positional(let expr):
                let spec = positionalSpecs.popFirst() ?? signature.rest
                guard let spec else {
                    throw fail(
                        "\(signature.name) takes "
                            + "\(signature.positionals.count == 0 ? "no" : "at most \(signature.positionals.count)") "
                            + "positional argument\(signature.positionals.count == 1 ? "" : "s")",
                        expr.span, help: "usage: \(signature.usage)")
                }
                let value: Value
                if signature.style == .expression {
                    value = .closure(Closure(body: .expr(expr), scope: env.scope, source: env.source))
                } else {
                    let typed = Self.textAsTyped(expr, spec, source: env.source)
                    value = typed != nil ? typed ?? .null : try await argumentValue(expr, spec.type, env: env)
                }
                invocation.positionals.append(
                    try convert(value, to: spec, command: signature.name, span: expr.span, env: env))
                invocation.argumentSpans[spec.name] = expr.span
                invocation.argumentSpans["#\(invocation.positionals.count - 1)"] = expr.span
            }
        }
        for spec in positionalSpecs where spec.required {
            throw fail(
                "\(signature.name) needs \(spec.name.uppercased()) (\(spec.help))", call.span,
                help: "usage: \(signature.usage)")
        }
        return invocation
    }

    /// Evaluates one argument; FIELD arguments are read as paths, blocks as closures.
    func argumentValue(_ expr: Expr, _ type: ParamType, env: Env) async throws -> Value {
        if type == .field || type == .fieldOrClosure, let path = Interpreter.fieldPath(of: expr) {
            return .string(path)
        }
        if case .block(let block) = expr.kind {
            return .closure(Closure(body: .block(block), scope: env.scope, source: env.source))
        }
        return try await evaluate(expr, env: env)
    }

    /// `status`, `.a.b`, `"odd key"` → "a.b"; nil when the expression is not a plain path.
    static func fieldPath(of expr: Expr) -> String? {
        switch expr.kind {
        case .bareWord(let word): return word.hasPrefix(".") ? String(word.dropFirst()) : word
        case .literal(.string(let s)): return s
        case .field(let base, let name, _):
            guard let base else { return name }
            return fieldPath(of: base).map { "\($0).\(name)" }
        case .index(let base, let index, _):
            // `.humanLabels[0].name`: a path with a list index in it.
            guard case .literal(.int(let position)) = index.kind else { return nil }
            return fieldPath(of: base).map { "\($0)[\(position)]" }
        default: return nil
        }
    }

    /// A value as an error message quotes it: whole when short, cut at 80 characters otherwise (a whole
    /// execution record would bury the message).
    static func excerpt(_ literal: String) -> String {
        literal.count <= 80 ? literal : literal.prefix(80) + "…"
    }

    /// Converts an argument to the parameter's type, or explains why it cannot.
    func convert(_ value: Value, to spec: ParamSpec?, command: String, span: Span, env: Env) throws -> Value {
        guard let spec else { return value }
        func mismatch(_ expected: String) -> RuntimeError {
            RuntimeError(
                Diagnostic(
                    DiagnosticCode.typeMismatch,
                    "\(command) \(spec.name) expects \(expected), got \(value.typeName) \(Self.excerpt(value.literal))",
                    span: span,
                    source: env.source))
        }
        var result = value
        switch (spec.type, value) {
        case (.any, _), (.field, .string), (.fieldOrClosure, .string), (.fieldOrClosure, .closure),
            (.closure, .closure):
            break
        case (.int, .int): break
        case (.int, .float(let f)) where f == f.rounded() && abs(f) < 9e15: result = .int(Int(f))
        case (.int, .string(let s)):
            guard let i = Int(s) else { throw mismatch("an integer") }
            result = .int(i)
        case (.number, .int), (.number, .float): break
        case (.number, .string(let s)):
            guard let d = Double(s) else { throw mismatch("a number") }
            result = .float(d)
        case (.string, .string): break
        case (.string, .int), (.string, .float), (.string, .bool), (.string, .time), (.string, .duration):
            result = .string(value.text)
        case (.bool, .bool): break
        case (.bool, .string(let s)) where s == "true" || s == "false": result = .bool(s == "true")
        case (.duration, .duration), (.time, .time), (.timeOrDuration, .duration), (.timeOrDuration, .time): break
        case (.duration, .string(let s)):
            guard let seconds = Literals.duration(s) else { throw mismatch("a duration") }
            result = .duration(seconds)
        case (.time, .string(let s)), (.timeOrDuration, .string(let s)):
            // `today`, `2026-12-01T10:00`, "2026-12-01 10:00" (local), `24h` (LocalTime.parse).
            switch LocalTime.parse(s, now: now) {
            case .duration(let seconds)? where spec.type == .timeOrDuration: result = .duration(seconds)
            case .time(let date)?: result = .time(date)
            default: throw mismatch(spec.type == .time ? "a time" : "a duration or a time")
            }
        case (.string, .list(let items)) where spec.commaList:
            // Each item as text (a number or a word as typed); none empty or holding a comma of its own.
            let parts = items.map { item -> String in
                switch item {
                case .string(let text): text
                case .int, .float: item.text
                default: ""
                }
            }
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains(",") }) else {
                throw mismatch("a string, a comma list or a non-empty list of strings without commas")
            }
            result = .string(parts.joined(separator: ","))
        case (.list, .list), (.record, .record): break
        case (.list, .stream): break
        default:
            throw mismatch(spec.type == .int ? "an integer" : "a \(spec.type.rawValue)")
        }
        if !spec.choices.isEmpty, let text = result.stringValue {
            for part in text.split(separator: ",").map(String.init) where !spec.choices.contains(part) {
                throw RuntimeError(
                    Diagnostic(
                        DiagnosticCode.badArgument,
                        "\(command) \(spec.name) must be one of \(spec.choices.joined(separator: ", ")); got '\(part)'",
                        span: span,
                        help: Suggest.help(for: part, in: spec.choices), source: env.source))
            }
        }
        return result
    }
}
