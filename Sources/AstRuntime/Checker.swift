import AstSyntax

/// Checks a parsed program before it runs: unknown commands and unknown named arguments or flags are
/// reported together with parse errors, so a script with mistakes does nothing.
package struct Checker {
    let registry: Registry
    let knownFunctions: Set<String>
    var diagnostics: [Diagnostic] = []
    var definedHere: Set<String> = []
    let usesSource: Bool
    /// How many `for` bodies enclose the statement being checked (reset inside a `def` body).
    var loopDepth = 0

    package static func check(_ program: Program, registry: Registry, functions: [String], source: SourceFile) -> [Diagnostic] {
        var collector = DefCollector()
        collector.statements(program.statements)
        var checker = Checker(registry: registry, knownFunctions: Set(functions), usesSource: collector.callsSource)
        checker.definedHere = collector.names
        checker.statements(program.statements)
        return checker.diagnostics.map { $0.located(in: source) }
    }

    mutating func statements(_ list: [Statement]) { for statement in list { self.statement(statement) } }

    mutating func statement(_ s: Statement) {
        switch s.kind {
        case .let(_, _, let value): pipeline(value)
        case .def(_, _, let params, let body):
            for param in params { if let d = param.defaultValue { expr(d) } }
            let outer = loopDepth
            loopDepth = 0
            statements(body.statements)
            loopDepth = outer
        case .if(let condition, let then, let otherwise):
            expr(condition)
            statements(then.statements)
            if let otherwise { statement(otherwise) }
        case .block(let block): statements(block.statements)
        case .for(_, _, let sequence, let body):
            pipeline(sequence)
            loopDepth += 1
            statements(body.statements)
            loopDepth -= 1
        case .try(let body, _, let handler):
            statements(body.statements)
            if let handler { statements(handler.statements) }
        case .return(let value): if let value { pipeline(value) }
        case .exit(let code): if let code { expr(code) }
        case .break, .continue:
            if loopDepth == 0 {
                diagnostics.append(Diagnostic(DiagnosticCode.unexpectedToken, "break or continue outside a loop", span: s.span,
                    help: "use break and continue inside a 'for' body"))
            }
        case .pipeline(let p): pipeline(p)
        }
    }

    mutating func pipeline(_ p: Pipeline) {
        for stage in p.stages {
            switch stage {
            case .command(let c): call(c)
            case .expr(let e): expr(e)
            }
        }
    }

    mutating func call(_ c: CommandCall) {
        for argument in c.arguments {
            switch argument {
            case .positional(let e), .named(_, _, let e): expr(e)
            case .flag(_, _, let e): if let e { expr(e) }
            case .stage(let inner): call(inner)
            }
        }
        if definedHere.contains(c.name) || knownFunctions.contains(c.name) { return }
        guard let command = registry.lookup(c.name) else {
            if usesSource { return }
            diagnostics.append(Diagnostic(DiagnosticCode.unknownCommand, "unknown command '\(c.name)'", span: c.nameSpan,
                help: Suggest.help(for: c.name, in: registry.names + definedHere + knownFunctions) ?? "run 'help' to list the commands"))
            return
        }
        let signature = command.signature
        for argument in c.arguments {
            switch argument {
            case .named(let name, let span, _):
                let known = signature.named.contains { $0.name == name }
                    || signature.namedPrefixes.contains { name.hasPrefix($0) && name.count > $0.count }
                if !known {
                    diagnostics.append(Diagnostic(DiagnosticCode.unknownArgument, "\(signature.name) has no argument '\(name)'",
                        span: span, help: Suggest.help(for: name, in: signature.named.map(\.name)) ?? "see 'help \(signature.name)'"))
                }
            case .flag(let name, let span, _):
                if !signature.flags.contains(where: { $0.name == name || $0.short == name }) {
                    diagnostics.append(Diagnostic(DiagnosticCode.unknownArgument,
                        "\(signature.name) has no flag '\(span.length > name.count + 1 ? "--" : "-")\(name)'", span: span,
                        help: Suggest.help(for: name, in: signature.flags.map(\.name)) ?? "see 'help \(signature.name)'"))
                }
            default: break
            }
        }
    }

    mutating func expr(_ e: Expr) {
        switch e.kind {
        case .interpolation(let parts):
            for part in parts { if case .pipeline(let p) = part { pipeline(p) } }
        case .field(let base, _, _): if let base { expr(base) }
        case .index(let base, let index, _):
            expr(base)
            expr(index)
        case .list(let items): items.forEach { expr($0) }
        case .record(let fields): fields.forEach { expr($0.value) }
        case .block(let block): statements(block.statements)
        case .binary(_, let l, let r):
            expr(l)
            expr(r)
        case .unary(_, let operand): expr(operand)
        case .subpipeline(let p): pipeline(p)
        case .statement(let s): statement(s)
        case .literal, .bareWord, .variable: break
        }
    }
}

/// Finds every `def` name (at any depth) and whether `source` is called.
struct DefCollector {
    var names: Set<String> = []
    var callsSource = false

    mutating func statements(_ list: [Statement]) {
        for s in list {
            switch s.kind {
            case .def(let name, _, _, let body):
                names.insert(name)
                statements(body.statements)
            case .if(_, let then, let otherwise):
                statements(then.statements)
                if let otherwise { statements([otherwise]) }
            case .block(let b): statements(b.statements)
            case .for(_, _, _, let body): statements(body.statements)
            case .try(let body, _, let handler):
                statements(body.statements)
                if let handler { statements(handler.statements) }
            case .pipeline(let p):
                for stage in p.stages { if case .command(let c) = stage, c.name == "source" { callsSource = true } }
            default: break
            }
        }
    }
}
