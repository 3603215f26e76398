import Hummingbird

/// Every route the sandbox serves (path pattern and method), recorded as the routes register, so a
/// request that matched no handler can be told apart: a known path with another method (405 with
/// `Allow`, and what OPTIONS answers) or an unknown path (404). Consulted only off the happy path.
struct RouteTable: Sendable {
    private(set) var routes: [(segments: [Substring], method: HTTPRequest.Method)] = []

    /// `pattern` relative to the `/agents/v2` prefix, e.g. `executions/:executionId/sync`.
    mutating func record(_ pattern: String, _ method: HTTPRequest.Method) {
        routes.append((("agents/v2/" + pattern).split(separator: "/"), method))
    }

    /// The methods served at `path` (HEAD wherever GET is), in a stable order; empty for an unknown path.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        var found: [HTTPRequest.Method] = []
        for route in routes where route.segments.count == segments.count && !found.contains(route.method) {
            let matches = zip(route.segments, segments).allSatisfy { pattern, segment in
                pattern.first == ":" || pattern == segment
            }
            if matches { found.append(route.method) }
        }
        if found.contains(.get) { found.append(.head) }
        return found
    }

    /// The `Allow` header value for `methods` (OPTIONS always included).
    static func allow(_ methods: [HTTPRequest.Method]) -> String {
        (methods.map(\.rawValue) + ["OPTIONS"]).joined(separator: ", ")
    }
}

/// The table, filled in once while the router is built (before it serves) and only read after.
final class RouteTableBox: @unchecked Sendable {
    var table = RouteTable()
}

/// A route group that also records each route in a `RouteTable`.
final class RecordingGroup {
    let group: RouterGroup<BasicRequestContext>
    private(set) var table = RouteTable()

    init(_ group: RouterGroup<BasicRequestContext>) { self.group = group }

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    func get(_ path: String, use handler: @escaping Handler) { on(path, .get, handler) }
    func post(_ path: String, use handler: @escaping Handler) { on(path, .post, handler) }
    func delete(_ path: String, use handler: @escaping Handler) { on(path, .delete, handler) }

    private func on(_ path: String, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        table.record(path, method)
        group.on(RouterPath(path), method: method, use: handler)
    }
}
