import AsteroidModels
import Foundation

extension AsteroidClient {
    /// `GET /workflows`: one page (the non-deprecated replacement of `GET /agents`; same query and items).
    public func listWorkflowsPage(_ query: ListAgentsQuery = ListAgentsQuery()) async throws(AsteroidError)
        -> Page<Agent>
    {
        try Self.validate(query.validate, .workflowList)
        let endpoint = Endpoint(.workflowList, query: query.queryItems())
        return try decode(Page<Agent>.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /workflows`, every matching workflow, lazily.
    public func listWorkflows(_ query: ListAgentsQuery = ListAgentsQuery()) -> AgentStream {
        PagedSequence(startPage: query.page ?? 1, pageSize: query.pageSize ?? PagedSequence<Agent>.defaultPageSize) {
            page, size throws(AsteroidError) in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.pageSize = size
            return try await self.listWorkflowsPage(pageQuery)
        }
    }

    /// `GET /workflows/{workflowId}/versions`: every version, newest first as the API sends them.
    public func workflowVersions(_ workflowId: String) async throws(AsteroidError) -> [WorkflowVersion] {
        let endpoint = try Self.endpoint(.workflowVersionsList, workflowId)
        return try decode([WorkflowVersion].self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /workflows/{workflowId}/versions/{versionId}/inputs`: the inputs that version expects.
    public func workflowInputs(workflowId: String, versionId: String) async throws(AsteroidError) -> [WorkflowInput] {
        let operation = APIOperation.workflowVersionsGetInputs
        try Self.validate(
            { () throws(RequestValidationError) in
                try UUIDFormat.check(workflowId, "workflowId")
                try UUIDFormat.check(versionId, "versionId")
            }, operation)
        var endpoint = Endpoint(operation)
        endpoint.path = operation.path([workflowId, versionId])
        return try decode(WorkflowInputs.self, endpoint, try await send(endpoint, expecting: [200])).inputs
    }
}
