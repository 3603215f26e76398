import AsteroidModels
import Foundation
import Hummingbird

/// A1 list agents (and its `/workflows` replacement), F1/F2 temp-file staging. Their errors are text.
struct AgentAndFileRoutes {
    let services: SandboxServices

    func register(on group: RecordingGroup) {
        group.get("agents") { request, _ in try await listAgents(request) }
        group.get("workflows") { request, _ in try await listAgents(request) }
        group.post("temp-files") { request, _ in
            try await stage(request, organizationId: request.query("organizationId"))
        }
        group.post("temp-files/:organizationId") { request, context in
            try await stage(request, organizationId: context.parameters.get("organizationId"))
        }
    }

    func listAgents(_ request: Request) async throws -> Response {
        var query = ListAgentsQuery()
        do {
            for (name, value) in request.queryItems {
                switch name {
                case "organizationId": query.organizationId = value
                case "pageSize":
                    guard let number = Int(value) else {
                        throw RequestValidationError(name, "\"\(value)\" is not an integer")
                    }
                    query.pageSize = number
                case "page":
                    guard let number = Int(value) else {
                        throw RequestValidationError(name, "\"\(value)\" is not an integer")
                    }
                    query.page = number
                case "searchName": query.searchName = value
                case "sortField": query.sortField = AgentSortField(rawValue: value)
                case "sortDirection": query.sortDirection = SortDirection(rawValue: value)
                default: continue
                }
            }
            try query.validate()
            try Paging.check(page: query.page, pageSize: query.pageSize)
            try SQLiteRepository.checkLike("searchName", query.searchName)
        } catch let error as RequestValidationError {
            throw SandboxError(
                .badRequest, "Invalid request parameters: \(error.parameter): \(error.detail)", plainText: true)
        }
        return try .json(try await services.repository.agents(query))
    }

    func stage(_ request: Request, organizationId: String?) async throws -> Response {
        func fail(_ message: String) -> SandboxError { SandboxError(.badRequest, message, plainText: true) }
        let organization = organizationId ?? services.catalog.organizationId
        guard UUIDFormat.isValid(organization) else {
            throw fail("Invalid request parameters: organizationId \"\(organization)\" is not a UUID.")
        }
        let known = try await services.repository.allAgents().contains {
            $0.organizationId == organization.lowercased()
        }
        guard known else {
            throw SandboxError(.forbidden, "User is not a member of the organization.", plainText: true)
        }
        let parts = try await Multipart.parts(of: request)
        let now = services.config.clock.now
        let files = parts.filter { $0.name == "files" }.map { part in
            StagedFile(
                id: RandomID.uuid(), organizationId: organization.lowercased(),
                name: part.filename ?? "upload.bin", size: part.body.count,
                mimeType: part.contentType ?? "application/octet-stream", createdAt: now)
        }
        guard !files.isEmpty else { throw fail("Invalid file upload request: no part named \"files\".") }
        try await services.repository.stage(files)
        return try .json(TempFilesResponse(tempFiles: files.map { TempFile(id: $0.id, name: $0.name) }))
    }
}
