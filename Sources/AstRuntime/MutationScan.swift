import AstSyntax

extension Interpreter {
    /// Whether running the closure may call a mutating command (directly or in a nested block).
    package func isMutating(_ closure: Closure) -> Bool { !mutatingCommandNames(in: closure).isEmpty }

    /// Names of the mutating commands a closure calls, in order of appearance.
    package func mutatingCommandNames(in closure: Closure) -> [String] {
        var names: [String] = []
        var visitedFunctions: Set<String> = []
        func call(_ c: CommandCall) {
            if let command = registry.lookup(c.name), command.signature.isMutating, !names.contains(c.name) { names.append(c.name) }
            if let function = closure.scope.function(c.name), visitedFunctions.insert(c.name).inserted,
                case .block(let body) = function.body
            {
                statements(body.statements)
            }
            for argument in c.arguments {
                switch argument {
                case .stage(let inner): call(inner)
                case .positional(let e), .named(_, _, let e): expr(e)
                case .flag: break
                }
            }
        }
        func pipeline(_ p: Pipeline) {
            for stage in p.stages {
                switch stage {
                case .command(let c): call(c)
                case .expr(let e): expr(e)
                }
            }
        }
        func expr(_ e: Expr) {
            switch e.kind {
            case .block(let b): statements(b.statements)
            case .subpipeline(let p): pipeline(p)
            case .statement(let s): statements([s])
            case .binary(_, let l, let r):
                expr(l)
                expr(r)
            case .unary(_, let x): expr(x)
            case .list(let items): items.forEach(expr)
            case .record(let fields): fields.forEach { expr($0.value) }
            default: break
            }
        }
        func statements(_ list: [Statement]) {
            for s in list {
                switch s.kind {
                case .let(_, _, let p): pipeline(p)
                case .pipeline(let p): pipeline(p)
                case .if(let c, let t, let o):
                    expr(c)
                    statements(t.statements)
                    if let o { statements([o]) }
                case .block(let b): statements(b.statements)
                case .for(_, _, let p, let b):
                    pipeline(p)
                    statements(b.statements)
                case .try(let b, _, let h):
                    statements(b.statements)
                    if let h { statements(h.statements) }
                case .return(let p): if let p { pipeline(p) }
                default: break
                }
            }
        }
        switch closure.body {
        case .stage(let c): call(c)
        case .expr(let e): expr(e)
        case .block(let b): statements(b.statements)
        }
        return names
    }
}
