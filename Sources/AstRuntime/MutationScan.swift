import AstSyntax

extension Interpreter {
    /// Whether running the closure may call a mutating command, anywhere inside it or in a `def` it calls.
    package func isMutating(_ closure: Closure) -> Bool { !mutatingCommandNames(in: closure).isEmpty }

    /// Names of the mutating commands a closure may call, in order of appearance: at any depth of its
    /// body (arguments, field access, indexing, interpolation, nested blocks, `exit`…) and in the `def`
    /// functions it calls, transitively.
    package func mutatingCommandNames(in closure: Closure) -> [String] {
        var scan = MutationScan(registry: registry)
        scan.scan(closure)
        return scan.names
    }

    /// The same for any part of a program (a pipeline, a stage's call), resolving `def` calls in `scope`.
    package func mutatingCommandNames(in node: SyntaxNode, scope: Scope) -> [String] {
        var scan = MutationScan(registry: registry)
        scan.scopes.append(scope)
        scan.walk(node)
        return scan.names
    }
}

/// Finds the mutating commands a closure may reach. Over-approximates on purpose: a call that might
/// mutate counts, so a bulk change is never run without de-duplication and confirmation.
struct MutationScan: SyntaxVisitor {
    let registry: Registry
    var names: [String] = []
    /// The scopes whose calls are being resolved, innermost last (a `def` body resolves in its own).
    var scopes: [Scope] = []
    /// Functions already scanned, by definition scope and name (recursion and shared callees).
    var scanned: Set<FunctionKey> = []

    struct FunctionKey: Hashable {
        let scope: ObjectIdentifier
        let name: String
    }

    init(registry: Registry) { self.registry = registry }

    mutating func scan(_ closure: Closure) {
        scopes.append(closure.scope)
        for param in closure.params { walk(.param(param)) }
        switch closure.body {
        case .block(let b): walk(.block(b))
        case .expr(let e): walk(.expr(e))
        case .stage(let c): walk(.call(c))
        }
        scopes.removeLast()
    }

    mutating func enter(_ node: SyntaxNode) -> Bool {
        guard case .call(let call) = node else { return true }
        if let command = registry.lookup(call.name), command.signature.isMutating, !names.contains(call.name) {
            names.append(call.name)
        }
        if let scope = scopes.last, let function = scope.function(call.name),
            scanned.insert(FunctionKey(scope: ObjectIdentifier(function.scope), name: call.name)).inserted
        {
            scan(function)
        }
        return true
    }
}
