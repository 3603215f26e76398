import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// Where an execution stands in its rerun chain: its attempt number (1 for an original, 2 for its rerun…)
/// and the original at the root. Parents are remembered for the session (from every record `watch`,
/// `rerun` and `lineage` see), so finding an attempt asks the API at most once per unknown ancestor.
package final class LineageCache: @unchecked Sendable {
    static let key = "lineage"
    /// The longest chain followed; past it (or on a cycle) the walk stops with an error.
    static let maxDepth = 1000

    private let lock = NSLock()
    /// id → parent id (`nil`: an original). Only ids whose parent is known are keys.
    private var parents: [String: String?] = [:]
    /// How many parents it holds at most: a watch that runs for weeks sees ever more executions, so when
    /// full it starts over (what is forgotten is asked again when needed).
    let capacity: Int

    init(capacity: Int = 200_000) { self.capacity = capacity }

    /// The session's cache (made on first use).
    static func of(_ interpreter: Interpreter) -> LineageCache {
        if let cache: LineageCache = interpreter.extensionValue(key) { return cache }
        let cache = LineageCache()
        interpreter.setExtension(key, cache)
        return cache
    }

    func note(_ id: String, parent: String?) {
        lock.withLock {
            if parents.count >= capacity, parents[id] == nil { parents.removeAll(keepingCapacity: true) }
            parents[id] = .some(parent)
        }
    }

    var count: Int { lock.withLock { parents.count } }

    func note(_ execution: Execution) { note(execution.id, parent: execution.parentExecutionId) }

    /// The parent as known (outer nil: not known yet).
    func parent(of id: String) -> String?? { lock.withLock { parents[id] } }

    /// Notes the parent a record states: `parentExecutionId` when present; a whole execution record
    /// (from list or get, which always carry `hasBeenRerun` and `createdAt`) without one is an original.
    func note(record: Value) {
        guard let record = record.recordValue, let id = record["id"]?.stringValue else { return }
        if let parent = record["parentExecutionId"]?.stringValue {
            note(id, parent: parent)
        } else if record["hasBeenRerun"] != nil, record["createdAt"] != nil {
            note(id, parent: nil)
        }
    }

    struct LineageError: Error, CustomStringConvertible {
        let description: String
    }

    /// The chain from the root to `id`, oldest first (so `count` is the attempt number), asking `fetch`
    /// for each execution whose parent is not known yet.
    func chain(to id: String, fetch: (String) async throws -> Execution) async throws -> [String] {
        var chain = [id]
        var seen: Set<String> = [id]
        var current = id
        while true {
            let parent: String?
            if let known = self.parent(of: current) {
                parent = known
            } else {
                let execution = try await fetch(current)
                note(execution)
                parent = execution.parentExecutionId
            }
            guard let parent else { return chain.reversed() }
            guard seen.insert(parent).inserted, chain.count < Self.maxDepth else {
                throw LineageError(description: "the rerun chain of \(id) loops or is longer than \(Self.maxDepth)")
            }
            chain.append(parent)
            current = parent
        }
    }
}

extension Invocation {
    /// The chain from the root to `id` (oldest first), through the session's lineage cache: one GET per
    /// execution whose parent is not known yet.
    func lineage(of id: String, api: APIService) async throws -> [String] {
        let cache = LineageCache.of(interpreter)
        do {
            return try await cache.chain(to: id) { ancestor in
                guard
                    let execution = try await request({ () throws(AsteroidError) in
                        try await api.client.getExecution(ancestor)
                    })
                else { throw self.error("cannot read \(ancestor)") }
                api.seen.note(execution: execution)
                return execution
            }
        } catch let error as LineageCache.LineageError {
            throw self.error(error.description)
        }
    }
}
