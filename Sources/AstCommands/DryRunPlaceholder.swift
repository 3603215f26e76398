import AstRuntime
import Foundation

/// What a change yields under `--dry-run`, where the API made nothing: a record shaped like the result
/// (`{id: "dry-run-1", …, status: "dry-run", dryRun: true}`, with the execution schema, so the fields it
/// lacks read as null) and the rest of a script runs on. Its id
/// never looks like an execution id; `wait` passes such records through without a request.
enum DryRunPlaceholder {
    static let prefix = "dry-run-"

    /// A placeholder for a new execution, numbered per session.
    static func execution(_ call: Invocation, fields: [(String, Value)]) -> Value {
        let id = "\(prefix)\(counter(call).next())"
        let pairs = [("id", Value.string(id))] + fields + [("status", .string("dry-run")), ("dryRun", .bool(true))]
        return .record(Record(pairs, schema: APISchemas.execution))
    }

    private static let key = "dryRunPlaceholders"

    private static func counter(_ call: Invocation) -> Counter {
        if let counter: Counter = call.interpreter.extensionValue(key) { return counter }
        let counter = Counter()
        call.interpreter.setExtension(key, counter)
        return call.interpreter.extensionValue(key) ?? counter
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}
