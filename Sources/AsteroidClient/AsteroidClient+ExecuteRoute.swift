import AsteroidModels
import Foundation

/// Which route starts an execution: `POST /workflows/{id}/execute` (current) or the deprecated
/// `POST /agents/{id}/execute`, for servers that lack the first.
public enum ExecuteRoute: String, Sendable, Hashable {
    case workflows, agents
}

/// The route chosen per base URL, once per process (an `ast` session): the first execute tries the
/// workflows route; only a 404 or 405 from it (nothing was started) sends the same body to the agents
/// route, and if that one works every later execute of the session goes there directly.
final class ExecuteRouteMemo: @unchecked Sendable {
    static let shared = ExecuteRouteMemo()
    private let lock = NSLock()
    private var routes: [String: ExecuteRoute] = [:]

    func route(for base: String) -> ExecuteRoute? { lock.withLock { routes[base] } }
    func remember(_ route: ExecuteRoute, for base: String) { lock.withLock { routes[base] = route } }
}

extension AsteroidClient {
    /// The route this client's session uses (nil until the first execute decided it).
    public var executeRoute: ExecuteRoute? { ExecuteRouteMemo.shared.route(for: configuration.baseURL.absoluteString) }

    /// Starts an execution of a workflow (the same id as the deprecated agent id) through the session's
    /// route (see `ExecuteRoute`), after staging `files` (`POST /temp-files`, `organizationId` when the
    /// user belongs to several organizations). Never repeats a request that may have started a run.
    public func executeWorkflowOrAgent(
        _ workflowId: String, request: ExecuteRequest = ExecuteRequest(), attaching files: [FileUpload] = [],
        organizationId: String? = nil
    ) async throws(AsteroidError) -> ExecuteResponse {
        let request = try await staging(
            request, files, organizationId, .workflowExecutePost, ("workflowId", workflowId))
        return try await routed { route throws(AsteroidError) in
            route == .workflows
                ? try await executeWorkflow(workflowId: workflowId, request: request)
                : try await execute(agentId: workflowId, request: request)
        }
    }

    /// `…/execute/sync` through the session's route: starts and waits up to `request.timeoutSeconds`.
    public func executeWorkflowOrAgentSync(
        _ workflowId: String, request: ExecuteRequest = ExecuteRequest(), attaching files: [FileUpload] = [],
        organizationId: String? = nil
    ) async throws(AsteroidError) -> SyncResult {
        let request = try await staging(
            request, files, organizationId, .workflowExecutePost, ("workflowId", workflowId))
        return try await routed { route throws(AsteroidError) in
            route == .workflows
                ? try await executeWorkflowSync(workflowId: workflowId, request: request)
                : try await executeSync(agentId: workflowId, request: request)
        }
    }

    func routed<T>(_ send: (ExecuteRoute) async throws(AsteroidError) -> T) async throws(AsteroidError) -> T {
        let base = configuration.baseURL.absoluteString
        let memo = ExecuteRouteMemo.shared
        if let route = memo.route(for: base) { return try await send(route) }
        do {
            let result = try await send(.workflows)
            memo.remember(.workflows, for: base)
            return result
        } catch  where error.kind == .http && (error.status == 404 || error.status == 405) {
            // Not started: the route (or the workflow) is unknown here. The agents route tells which.
            let original = error
            let result: T
            do {
                result = try await send(.agents)
            } catch let fallbackError where fallbackError.kind == .http && fallbackError.status == 404 {
                throw original  // unknown on both routes: the workflow id is wrong, not the route
            }
            memo.remember(.agents, for: base)
            log("· /workflows/{id}/execute is not served here; this session executes through /agents/{id}/execute")
            return result
        }
    }

    /// Checks the request with placeholder files, stages the files, and adds them to `tempFiles` (a dry run
    /// dumps the upload and carries on with placeholder ids, so the execute body is dumped too).
    func staging(
        _ request: ExecuteRequest, _ files: [FileUpload], _ organizationId: String?, _ operation: APIOperation,
        _ target: (field: String, id: String)
    ) async throws(AsteroidError) -> ExecuteRequest {
        guard !files.isEmpty else { return request }
        var request = request
        var probe = request
        probe.tempFiles = (request.tempFiles ?? []) + files.map { TempFile(id: Self.dryRunFileId, name: $0.name) }
        try Self.validate(probe.validate, operation)
        try Self.validate(
            { () throws(RequestValidationError) in
                try UUIDFormat.check(target.id, target.field)
            }, operation)
        let staged: [TempFile]
        do {
            staged = try await stageTempFiles(files, organizationId: organizationId)
        } catch  where error.kind == .dryRun {
            staged = files.map { TempFile(id: Self.dryRunFileId, name: $0.name) }
        }
        request.tempFiles = (request.tempFiles ?? []) + staged
        return request
    }
}
