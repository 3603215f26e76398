import AsteroidModels
import Foundation

extension AsteroidClient {
    /// `GET /agents`: one page (deprecated upstream in favour of `/workflows`, still served).
    public func listAgentsPage(_ query: ListAgentsQuery = ListAgentsQuery()) async throws(AsteroidError) -> Page<Agent>
    {
        try Self.validate(query.validate, .agentList)
        let endpoint = Endpoint(.agentList, query: query.queryItems())
        return try decode(Page<Agent>.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /agents`, every matching agent, lazily (100 per page unless `query.pageSize` says otherwise).
    public func listAgents(_ query: ListAgentsQuery = ListAgentsQuery()) -> AgentStream {
        PagedSequence(startPage: query.page ?? 1, pageSize: query.pageSize ?? PagedSequence<Agent>.defaultPageSize) {
            page, size throws(AsteroidError) in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.pageSize = size
            return try await self.listAgentsPage(pageQuery)
        }
    }

    /// `POST /agents/{agentId}/execute`: starts an execution (202). `timeoutSeconds` is not sent here.
    ///
    /// Never sent twice after it may have reached the server. When the answer is lost, the executions of the
    /// agent created since the attempt are listed: exactly one with the request's inputs is returned as the
    /// result; otherwise the error is of kind `.outcomeUnknown` and names the candidates.
    public func execute(agentId: String, request: ExecuteRequest = ExecuteRequest()) async throws(AsteroidError)
        -> ExecuteResponse
    {
        try await start(.agentExecutePost, agentId, request)
    }

    /// `POST /workflows/{workflowId}/execute`, the non-deprecated twin of `execute(agentId:)`.
    public func executeWorkflow(workflowId: String, request: ExecuteRequest = ExecuteRequest())
        async throws(AsteroidError) -> ExecuteResponse
    {
        try await start(.workflowExecutePost, workflowId, request)
    }

    /// `POST /agents/{agentId}/execute/sync`: starts an execution and waits up to `request.timeoutSeconds`
    /// (1–25, default 25). NOT idempotent: it is never retried after it may have been sent; to keep
    /// waiting, call `sync(_:)` with the returned id.
    public func executeSync(agentId: String, request: ExecuteRequest = ExecuteRequest()) async throws(AsteroidError)
        -> SyncResult
    {
        try await startSync(.agentExecuteSyncPost, agentId, request)
    }

    /// `POST /workflows/{workflowId}/execute/sync`.
    public func executeWorkflowSync(workflowId: String, request: ExecuteRequest = ExecuteRequest())
        async throws(AsteroidError) -> SyncResult
    {
        try await startSync(.workflowExecuteSyncPost, workflowId, request)
    }

    /// Stages `files` (`POST /temp-files`), adds them to `request.tempFiles`, then executes the agent.
    /// Staged files are not shared with a rerun and expire after 60 minutes unused.
    public func execute(
        agentId: String, request: ExecuteRequest = ExecuteRequest(), attaching files: [FileUpload],
        organizationId: String? = nil
    ) async throws(AsteroidError) -> ExecuteResponse {
        let request = try await staging(request, files, organizationId, .agentExecutePost, ("agentId", agentId))
        return try await execute(agentId: agentId, request: request)
    }

    /// The id a dry run puts in `tempFiles` for a file it did not upload.
    static let dryRunFileId = "00000000-0000-0000-0000-000000000000"

    func start(_ operation: APIOperation, _ id: String, _ request: ExecuteRequest)
        async throws(AsteroidError)
        -> ExecuteResponse
    {
        if request.timeoutSeconds != nil {
            throw AsteroidError(
                kind: .validation, operation: operation,
                detail: "only execute/sync takes timeoutSeconds", field: "timeoutSeconds")
        }
        try Self.validate(request.validate, operation)
        var endpoint = try Self.endpoint(operation, id)
        endpoint.body = try Endpoint.json(request, operation)
        return try await executeReconciled(endpoint, id, request) { () throws(AsteroidError) in
            try decode(ExecuteResponse.self, endpoint, try await send(endpoint, expecting: [200, 201, 202]))
        } found: {
            ExecuteResponse(executionId: $0.id, status: $0.status)
        }
    }

    func startSync(_ operation: APIOperation, _ id: String, _ request: ExecuteRequest)
        async throws(AsteroidError)
        -> SyncResult
    {
        try Self.validate(request.validate, operation)
        var endpoint = try Self.endpoint(operation, id)
        endpoint.body = try Endpoint.json(request, operation)
        endpoint.extraTimeout = .seconds(request.timeoutSeconds ?? 25)
        return try await executeReconciled(endpoint, id, request) { () throws(AsteroidError) in
            let response = try await send(endpoint, expecting: [200, 202])
            return SyncResult(
                response: try decode(SyncResponse.self, endpoint, response), isFinished: response.status == 200)
        } found: {
            SyncResult(
                response: SyncResponse(executionId: $0.id, status: $0.status, executionResult: $0.executionResult),
                isFinished: $0.status.isTerminal)
        }
    }
}
