import Foundation

/// Variables and functions visible at one point. A child scope sees its parents'. Bindings are added
/// by `let`/`def` and never changed in place, so a closure can capture its scope safely.
package final class Scope: @unchecked Sendable {
    package let parent: Scope?
    private let lock = NSLock()
    private var variables: [String: Value] = [:]
    private var functions: [String: Closure] = [:]

    package init(parent: Scope? = nil) { self.parent = parent }

    package func child(_ bindings: [String: Value] = [:]) -> Scope {
        let scope = Scope(parent: self)
        scope.variables = bindings
        return scope
    }

    package func define(_ name: String, _ value: Value) {
        lock.withLock { variables[name] = value }
    }

    package func defineFunction(_ name: String, _ closure: Closure) {
        lock.withLock { functions[name] = closure }
    }

    package func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.lock.withLock({ current.variables[name] }) { return value }
            scope = current.parent
        }
        return nil
    }

    package func function(_ name: String) -> Closure? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.lock.withLock({ current.functions[name] }) { return value }
            scope = current.parent
        }
        return nil
    }

    /// Every variable name visible here (for suggestions and completion).
    package var visibleVariables: [String] {
        var names: Set<String> = []
        var scope: Scope? = self
        while let current = scope {
            names.formUnion(current.lock.withLock { Array(current.variables.keys) })
            scope = current.parent
        }
        return names.sorted()
    }

    package var visibleFunctions: [String] {
        var names: Set<String> = []
        var scope: Scope? = self
        while let current = scope {
            names.formUnion(current.lock.withLock { Array(current.functions.keys) })
            scope = current.parent
        }
        return names.sorted()
    }
}
