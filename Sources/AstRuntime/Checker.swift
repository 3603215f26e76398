import AstSyntax

/// Checks a parsed program before it runs: unknown commands and unknown named arguments or flags are
/// reported together with parse errors, so a script with mistakes does nothing.
package struct Checker: SyntaxVisitor {
    let registry: Registry
    let knownFunctions: Set<String>
    var diagnostics: [Diagnostic] = []
    var definedHere: Set<String> = []
    let usesSource: Bool
    /// How many `for` bodies enclose the statement being checked (reset inside a `def` body).
    var loopDepth = 0
    /// The loop depths outside the `def` bodies being checked.
    var outerLoopDepths: [Int] = []
    /// The bodies of the `for` statements being walked, innermost last: entering one is a loop level
    /// (the sequence before it is not), so the one walk keeps the count without walking parts itself.
    var loopBodies: [Span] = []

    package static func check(_ program: Program, registry: Registry, functions: [String], source: SourceFile)
        -> [Diagnostic]
    {
        var collector = DefCollector()
        collector.walk(.program(program))
        var checker = Checker(registry: registry, knownFunctions: Set(functions), usesSource: collector.callsSource)
        checker.definedHere = collector.names
        checker.walk(program.statements)
        return checker.diagnostics.map { $0.located(in: source) }
    }

    package mutating func enter(_ node: SyntaxNode) -> Bool {
        if case .block(let b) = node, loopBodies.last == b.span { loopDepth += 1 }
        guard case .statement(let s) = node else { return true }
        if case .def = s.kind {
            // A `def` body is its own frame: a loop around the definition does not enclose its calls.
            outerLoopDepths.append(loopDepth)
            loopDepth = 0
        } else if case .for(_, _, _, let body) = s.kind {
            loopBodies.append(body.span)
        } else if case .break = s.kind, loopDepth == 0 {
            breakOutsideLoop(s)
        } else if case .continue = s.kind, loopDepth == 0 {
            breakOutsideLoop(s)
        }
        return true
    }

    /// A call is checked after its arguments (so a mistake inside an argument is reported first).
    package mutating func leave(_ node: SyntaxNode) {
        switch node {
        case .call(let c): check(c)
        case .block(let b): if loopBodies.last == b.span { loopDepth -= 1 }
        case .statement(let s):
            if case .def = s.kind { loopDepth = outerLoopDepths.popLast() ?? 0 }
            if case .for = s.kind { _ = loopBodies.popLast() }
        case .program, .param, .pipeline, .expr: break
        }
    }

    mutating func breakOutsideLoop(_ s: Statement) {
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.unexpectedToken, "break or continue outside a loop", span: s.span,
                help: "use break and continue inside a 'for' body"))
    }

    mutating func check(_ c: CommandCall) {
        if definedHere.contains(c.name) || knownFunctions.contains(c.name) { return }
        guard let command = registry.lookup(c.name) else {
            if usesSource { return }
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.unknownCommand, "unknown command '\(c.name)'", span: c.nameSpan,
                    help: Suggest.help(for: c.name, in: registry.names + definedHere + knownFunctions)
                        ?? "run 'help' to list the commands"))
            return
        }
        if let refused = command as? RefusedCommand {
            diagnostics.append(
                Diagnostic(DiagnosticCode.notAllowed, refused.message, span: c.nameSpan, help: refused.help))
        }
        let signature = command.signature
        for argument in c.arguments {
            switch argument {
            case .named(let name, let span, _):
                if let spec = signature.named.first(where: { $0.name == name }),
                    let refusal = registry.refusal(of: spec, in: signature.name)
                {
                    diagnostics.append(
                        Diagnostic(DiagnosticCode.notAllowed, refusal, span: span, help: RefusedCommand.help))
                }
                let known =
                    signature.named.contains { $0.name == name }
                    || signature.namedPrefixes.contains { name.hasPrefix($0) && name.count > $0.count }
                if !known {
                    diagnostics.append(
                        Diagnostic(
                            DiagnosticCode.unknownArgument, "\(signature.name) has no argument '\(name)'",
                            span: span,
                            help: Suggest.help(for: name, in: signature.named.map(\.name))
                                ?? "see 'help \(signature.name)'"))
                }
            case .flag(let name, let span, _):
                if !signature.flags.contains(where: { $0.name == name || $0.short == name }) {
                    diagnostics.append(
                        Diagnostic(
                            DiagnosticCode.unknownArgument,
                            "\(signature.name) has no flag '\(span.length > name.count + 1 ? "--" : "-")\(name)'",
                            span: span,
                            help: Suggest.help(for: name, in: signature.flags.map(\.name))
                                ?? "see 'help \(signature.name)'"))
                }
            case .positional, .stage: break
            }
        }
    }
}

/// Finds every `def` name (at any depth) and whether `source` is called: a call may come before its definition.
struct DefCollector: SyntaxVisitor {
    var names: Set<String> = []
    var callsSource = false

    mutating func enter(_ node: SyntaxNode) -> Bool {
        switch node {
        case .statement(let s): if case .def(let name, _, _, _) = s.kind { names.insert(name) }
        case .call(let c): if c.name == "source" { callsSource = true }
        case .program, .block, .param, .pipeline, .expr: break
        }
        return true
    }
}
