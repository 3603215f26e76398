import AstRuntime
import AstSyntax
import AsteroidModels
import Foundation

/// Re-checks each execution `list` returns against the filters it sent (`ListExecutionsQuery.unmetFilter`):
/// a server that does not know a parameter ignores it and answers with more than was asked.
///
/// Inside a statement that may change executions the first such item stops the statement, naming the
/// filter: a bulk change reads all its targets before it acts, so nothing has changed yet. In a
/// read-only statement the item is dropped and one warning (per `list`) says which filter the server
/// ignored: the result is then exactly what was asked, only slower to read.
final class ListFilterCheck: @unchecked Sendable {
    let query: ListExecutionsQuery
    let strict: Bool
    let call: Invocation
    /// The filters are the planner's (pushed down from a `where`), not the list's own arguments.
    let pushed: Bool
    private let lock = NSLock()
    private var warned = false

    init(query: ListExecutionsQuery, strict: Bool, call: Invocation, pushed: Bool = false) {
        self.query = query
        self.strict = strict
        self.call = call
        self.pushed = pushed
    }

    /// Whether the item is one the query asked for; throws in strict mode when it is not.
    func admits(_ execution: Execution) throws -> Bool {
        guard let unmet = query.unmetFilter(by: execution, now: call.now) else { return true }
        let what =
            "execution \(execution.id) does not match \(unmet.parameter): asked \(unmet.asked), found \(unmet.found)"
        if strict {
            throw call.error(
                "list: the server ignored the filter \(unmet.parameter) (\(what)); stopped before acting on it",
                help:
                    "filter on the client instead: list … | where …, or check that the API version "
                        + "supports \(unmet.parameter)"
            )
        }
        let first = lock.withLock { () -> Bool in
            defer { warned = true }
            return !warned
        }
        if first, pushed {
            call.interpreter.output.writeError(
                "warning: list: the server ignored the filter \(unmet.parameter) pushed down from the where (\(what)); "
                    + "the client filters instead\n"
            )
        } else if first {
            call.interpreter.output.writeError(
                "warning: list: the server ignored the filter \(unmet.parameter) (\(what)); such items are left out\n")
        }
        return false
    }
}
