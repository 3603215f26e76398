import AstSyntax
import Foundation

/// Failures a stage reports only after the statement's consumers have read its output. A bulk change
/// (`… | each -p 4 rerun | wait`) yields every success and defers its failure summary here, so `wait`
/// still waits on the reruns that were made; the statement then fails with the summary (exit 1), and a
/// `try` around it catches it like any other error.
final class DeferredFailures: @unchecked Sendable {
    let lock = NSLock()
    var failures: [RuntimeError] = []
}

extension Interpreter {
    private static let deferredKey = "ast.deferred-failures"
    private static let creation = NSLock()

    private var deferredFailures: DeferredFailures {
        Self.creation.withLock {
            if let box = extensionValue(Self.deferredKey, as: DeferredFailures.self) { return box }
            let box = DeferredFailures()
            setExtension(Self.deferredKey, box)
            return box
        }
    }

    /// Fails the current statement with `error` once its output has been consumed.
    package func deferFailure(_ error: RuntimeError) {
        let box = deferredFailures
        box.lock.withLock { box.failures.append(error) }
    }

    /// The failures deferred since the last call (several are joined into one), clearing them.
    package func takeDeferredFailure() -> RuntimeError? {
        guard let box = extensionValue(Self.deferredKey, as: DeferredFailures.self) else { return nil }
        let failures = box.lock.withLock {
            defer { box.failures = [] }
            return box.failures
        }
        guard var first = failures.first else { return nil }
        for other in failures.dropFirst() { first.diagnostic.message += "\n" + other.diagnostic.message }
        return first
    }
}
