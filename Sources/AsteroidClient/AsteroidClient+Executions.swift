import AsteroidModels
import Foundation

/// The answer of a long-poll (`GET /executions/{id}/sync`, execute/sync).
public struct SyncResult: Sendable, Hashable {
    public var response: SyncResponse
    /// True when the server answered 200 (the execution is terminal); false for 202 (still going).
    public var isFinished: Bool

    public init(response: SyncResponse, isFinished: Bool) {
        self.response = response
        self.isFinished = isFinished
    }

    public var executionId: String { response.executionId }
    public var status: ExecutionStatus { response.status }
}

extension AsteroidClient {
    /// `GET /executions`: one page. `query.page`/`pageSize` pick it (server defaults 1 and 10).
    public func listExecutionsPage(_ query: ListExecutionsQuery = ListExecutionsQuery()) async throws(AsteroidError)
        -> Page<Execution>
    {
        try Self.validate(query.validate, .executionsList)
        let endpoint = Endpoint(.executionsList, query: query.queryItems())
        return try await decodeOffLoop(Page<Execution>.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /executions`, every matching execution, fetched lazily page by page (100 per page unless
    /// `query.pageSize` says otherwise, starting at `query.page` or 1). See `PagedSequence`.
    public func listExecutions(_ query: ListExecutionsQuery = ListExecutionsQuery()) -> ExecutionStream {
        PagedSequence(startPage: query.page ?? 1, pageSize: query.pageSize ?? PagedSequence<Execution>.defaultPageSize)
        {
            page, size throws(AsteroidError) in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.pageSize = size
            return try await self.listExecutionsPage(pageQuery)
        }
    }

    /// `GET /executions/{id}`.
    public func getExecution(_ executionId: String) async throws(AsteroidError) -> Execution {
        let endpoint = try Self.endpoint(.executionGet, executionId)
        return try decode(Execution.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `DELETE /executions/{id}` (soft delete; terminal executions only). 204 on success.
    public func deleteExecution(_ executionId: String) async throws(AsteroidError) {
        try await deleteReconciled(try Self.endpoint(.executionDelete, executionId), executionId)
    }

    /// `GET /executions/{id}/activities`: a JSON array, in the order the server gives (`query.order`).
    public func activities(_ executionId: String, query: ActivitiesQuery = ActivitiesQuery())
        async throws(AsteroidError) -> [Activity]
    {
        try Self.validate(query.validate, .executionActivitiesGet)
        var endpoint = try Self.endpoint(.executionActivitiesGet, executionId)
        endpoint.query = query.queryItems()
        return try decode([Activity].self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `POST /executions/{id}/pause` (no body). pause, resume, cancel and `updateStatus` settle a lost
    /// answer by reading the execution's status: already changed → success; unchanged → sent again.
    public func pause(_ executionId: String) async throws(AsteroidError) -> StatusChange {
        try await statusChange(.executionPause, executionId)
    }

    /// `POST /executions/{id}/resume` (no body).
    public func resume(_ executionId: String) async throws(AsteroidError) -> StatusChange {
        try await statusChange(.executionResume, executionId)
    }

    /// `POST /executions/{id}/cancel` (no body). A cancelled execution cannot be resumed.
    public func cancel(_ executionId: String) async throws(AsteroidError) -> StatusChange {
        try await statusChange(.executionCancel, executionId)
    }

    /// `POST /executions/{id}/status` with `{status}`; `running` resumes. Returns the server's text.
    @discardableResult
    public func updateStatus(_ executionId: String, to status: UpdatableStatus) async throws(AsteroidError) -> String {
        guard status.isKnown else {
            throw AsteroidError(
                kind: .validation, operation: .executionStatusUpdate,
                detail: "must be one of running, paused, cancelled; got \"\(status.rawValue)\"", field: "status")
        }
        var endpoint = try Self.endpoint(.executionStatusUpdate, executionId)
        endpoint.body = try Endpoint.json(UpdateStatusRequest(status: status), .executionStatusUpdate)
        return try await statusReconciled(endpoint, executionId, to: status) { () throws(AsteroidError) in
            text(try await send(endpoint, expecting: [200, 201, 204]))
        } done: {
            "Execution status is \(status.rawValue) (checked after the answer was lost)."
        }
    }

    /// `POST /executions/{id}/rerun`: a new execution with the original's inputs, profile, metadata and
    /// options (override inputs/profile in `request`). Returns the new execution's id (202).
    ///
    /// When the answer is lost (500/502/504, a dropped connection, a timeout) the client checks whether the
    /// rerun was made (the parent's `hasBeenRerun` and its child among the executions created since): made →
    /// the child's id is returned as if the answer had arrived; not made → sent again; otherwise an error of
    /// kind `.outcomeUnknown`.
    public func rerun(_ executionId: String, request: RerunRequest = RerunRequest()) async throws(AsteroidError)
        -> ExecuteResponse
    {
        try Self.validate(request.validate, .executionRerun)
        var endpoint = try Self.endpoint(.executionRerun, executionId)
        endpoint.body = try Endpoint.json(request, .executionRerun)
        return try await rerunReconciled(endpoint, parent: executionId)
    }

    /// `GET /executions/{id}/sync?timeoutSeconds=`: waits up to `timeoutSeconds` (1–25, default 25) for
    /// the execution to become terminal. Safe to repeat.
    public func sync(_ executionId: String, timeoutSeconds: Int? = nil) async throws(AsteroidError) -> SyncResult {
        var endpoint = try Self.endpoint(.executionSyncGet, executionId)
        if let timeoutSeconds {
            guard (1...25).contains(timeoutSeconds) else {
                throw AsteroidError(
                    kind: .validation, operation: .executionSyncGet,
                    detail: "must be between 1 and 25, got \(timeoutSeconds)", field: "timeoutSeconds")
            }
            endpoint.query = [("timeoutSeconds", String(timeoutSeconds))]
        }
        endpoint.extraTimeout = .seconds(timeoutSeconds ?? 25)
        let response = try await send(endpoint, expecting: [200, 202])
        return SyncResult(
            response: try decode(SyncResponse.self, endpoint, response), isFinished: response.status == 200)
    }

    /// Repeats `sync` until the execution is terminal (or `maxPolls` long-polls have passed, returning
    /// the last, unfinished result).
    public func waitUntilTerminal(_ executionId: String, timeoutSeconds: Int? = nil, maxPolls: Int = .max)
        async throws(AsteroidError) -> SyncResult
    {
        var polls = 0
        while true {
            let result = try await sync(executionId, timeoutSeconds: timeoutSeconds)
            polls += 1
            if result.isFinished || result.status.isTerminal || polls >= maxPolls { return result }
        }
    }

    /// `POST /executions/{id}/user-messages` with `{message}` (201, text body returned).
    @discardableResult
    public func addUserMessage(_ executionId: String, message: String) async throws(AsteroidError) -> String {
        guard !message.isEmpty else {
            throw AsteroidError(
                kind: .validation, operation: .executionUserMessagesAdd, detail: "must not be empty", field: "message")
        }
        var endpoint = try Self.endpoint(.executionUserMessagesAdd, executionId)
        endpoint.body = try Endpoint.json(UserMessageRequest(message: message), .executionUserMessagesAdd)
        return try await unverifiable(endpoint) { () throws(AsteroidError) in
            text(try await send(endpoint, expecting: [200, 201]))
        }
    }

    /// `GET /executions/{id}/recording`: the signed URL of the 307's `Location` (not followed; it expires
    /// quickly, so fetch it again when needed).
    public func recordingURL(_ executionId: String) async throws(AsteroidError) -> URL {
        let endpoint = try Self.endpoint(.executionRecordingRedirect, executionId)
        return try location(endpoint, try await send(endpoint, expecting: [301, 302, 303, 307, 308]))
    }

    // MARK: helpers

    func statusChange(_ operation: APIOperation, _ executionId: String) async throws(AsteroidError)
        -> StatusChange
    {
        let endpoint = try Self.endpoint(operation, executionId)
        let target: UpdatableStatus =
            switch operation {
            case .executionPause: .paused
            case .executionCancel: .cancelled
            default: .running
            }
        return try await statusReconciled(endpoint, executionId, to: target) { () throws(AsteroidError) in
            try decode(StatusChange.self, endpoint, try await send(endpoint, expecting: [200, 202]))
        } done: {
            StatusChange(executionId: executionId, status: target)
        }
    }

    /// The endpoint for an operation on one id, after checking that the id is a UUID.
    static func endpoint(_ operation: APIOperation, _ id: String) throws(AsteroidError) -> Endpoint {
        let name = operation.pathTemplate.split(separator: "{").dropFirst().first?.split(separator: "}").first
        try validate(
            { () throws(RequestValidationError) in try UUIDFormat.check(id, name.map(String.init) ?? "id") }, operation)
        return Endpoint(operation, id: id)
    }

    static func validate(_ check: () throws(RequestValidationError) -> Void, _ operation: APIOperation)
        throws(AsteroidError)
    {
        do {
            try check()
        } catch {
            throw AsteroidError(
                kind: .validation, operation: operation, method: operation.method, path: operation.pathTemplate,
                detail: error.detail, field: error.parameter, cause: error)
        }
    }
}
