import AsteroidModels
import Foundation
import Hummingbird

/// F4/F5/F6 execution files (listing, context files, the 303 to a signed URL), workflow versions and
/// inputs, profiles, profile groups, clearing a profile's browser cache, and `/context`.
struct ResourceRoutes {
    let services: SandboxServices

    func register(on group: RecordingGroup) {
        group.get("executions/:executionId/files") { _, context in try await files(context) }
        group.get("executions/:executionId/files/:fileId/download") { request, context in
            try await download(request, context)
        }
        group.get("executions/:executionId/context-files") { _, context in try await contextFiles(context) }
        group.post("executions/:executionId/context-files") { request, context in
            try await uploadContextFiles(request, context)
        }
        group.get("workflows/:workflowId/versions") { _, context in try await versions(context) }
        group.get("workflows/:workflowId/versions/:versionId/inputs") { _, context in try await inputs(context) }
        group.get("profiles") { request, _ in
            try page(request, services.catalog.wireProfiles, defaultSize: 10) { ($0.organizationId, $0.name) }
        }
        group.get("profile-groups") { request, _ in
            try page(request, services.catalog.profileGroups, defaultSize: 50) { ($0.organizationId, $0.name) }
        }
        group.delete("profiles/:profileId/clear-browser-cache") { _, context in
            let id = try context.uuidParameter("profileId")
            guard services.catalog.profiles.contains(where: { $0.id == id }) else {
                throw SandboxError(.notFound, "Profile not found.")
            }
            return try .json(MessageResponse(message: "Browser cache cleared."))
        }
        group.get("context") { _, _ in try .json(services.catalog.userContext) }
    }

    /// The execution, or the text 404 these operations document.
    func execution(_ context: BasicRequestContext) async throws -> ExecutionState {
        let id: String
        do {
            id = try context.uuidParameter("executionId")
        } catch {
            throw SandboxError(.badRequest, "Invalid request parameters: executionId is not a UUID.", plainText: true)
        }
        guard let state = try await services.repository.execution(id) else {
            throw SandboxError(.notFound, "Execution not found.", plainText: true)
        }
        return state
    }

    func files(_ context: BasicRequestContext) async throws -> Response {
        let state = try await execution(context)
        let files = SeededFiles.files(for: state.execution)
        let grouped = Dictionary(grouping: files, by: \.directory)
        return try .json(ExecutionFiles(directories: grouped, lastUpdated: files.map(\.updatedAt).max()))
    }

    /// 303 to a signed storage URL on this server, valid for five minutes.
    func download(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let state = try await execution(context)
        let fileId = (context.parameters.get("fileId") ?? "").lowercased()
        guard let file = SeededFiles.files(for: state.execution).first(where: { $0.id == fileId }) else {
            throw SandboxError(.notFound, "File not found.", plainText: true)
        }
        let expires = Int(services.config.clock.now.timeIntervalSince1970) + 300
        let path = StorageRoutes.signedPath(file, expires: expires)
        let location = request.head.authority.map { "http://\($0)\(path)" } ?? path
        return Response(status: .seeOther, headers: [.location: location])
    }

    func contextFiles(_ context: BasicRequestContext) async throws -> Response {
        let state = try await execution(context)
        return try .json(await services.contextFiles.files(of: state.execution.id))
    }

    func uploadContextFiles(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let state = try await execution(context)
        func fail(_ message: String) -> SandboxError { SandboxError(.badRequest, message, plainText: true) }
        guard !state.execution.status.isTerminal else {
            throw fail(
                "Invalid file upload request: execution \(state.execution.id) is \(state.execution.status.rawValue), "
                    + "not running."
            )
        }
        let parts = try await Multipart.parts(of: request)
        let now = services.config.clock.now
        let e = state.execution
        let files = parts.filter { $0.name == "files" }.map { part -> ContextFile in
            let name = part.filename ?? "upload.bin"
            let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map(String.init) : nil
            let id = RandomID.uuid()
            let url = "/agents/v2/executions/\(e.id)/context-files/\(id)/download"
            return ContextFile(
                id: id, executionId: e.id, agentId: e.agentId, workflowId: e.workflowId,
                filePath: "context/\(name)", fileName: name, fileExt: ext ?? "", fileSize: part.body.count,
                fileType: ext ?? "bin", mimeType: part.contentType ?? "application/octet-stream", createdAt: now,
                downloadUrl: url, signedUrl: url)
        }
        guard !files.isEmpty else { throw fail("Invalid file upload request: no part named \"files\".") }
        await services.contextFiles.add(files, to: e.id)
        return .text("Files uploaded.")
    }

    func workflow(_ context: BasicRequestContext) async throws -> AgentInfo {
        let id = try context.uuidParameter("workflowId")
        guard let agent = try await services.repository.allAgents().first(where: { $0.id == id }) else {
            throw SandboxError(.notFound, "Workflow not found.")
        }
        return agent
    }

    func versions(_ context: BasicRequestContext) async throws -> Response {
        try .json(services.catalog.versions(of: try await workflow(context)))
    }

    func inputs(_ context: BasicRequestContext) async throws -> Response {
        let agent = try await workflow(context)
        let versionId = try context.uuidParameter("versionId")
        guard let version = agent.versions.first(where: { $0.id == versionId }) else {
            throw SandboxError(.notFound, "Workflow version not found.")
        }
        return try .json(WorkflowInputs(inputs: services.catalog.inputs(of: agent, version: version.version)))
    }

    /// One page of a fixed list, filtered by `searchName` and `organizationId` like the other lists.
    func page<Item: Codable & Sendable>(
        _ request: Request, _ all: [Item], defaultSize: Int, _ fields: (Item) -> (organization: String, name: String)
    ) throws -> Response {
        var query = ListProfilesQuery()
        do {
            for (name, value) in request.queryItems {
                switch name {
                case "organizationId": query.organizationId = value
                case "searchName": query.searchName = value
                case "page", "pageSize":
                    guard let number = Int(value) else {
                        throw RequestValidationError(name, "\"\(value)\" is not an integer")
                    }
                    if name == "page" { query.page = number } else { query.pageSize = number }
                default: continue
                }
            }
            try query.validate()
            if let size = query.pageSize, !(1...100).contains(size) {
                throw RequestValidationError("pageSize", "must be between 1 and 100, got \(size)")
            }
            if let page = query.page, page < 1 {
                throw RequestValidationError("page", "must be 1 or more, got \(page)")
            }
            try Paging.check(page: query.page, pageSize: query.pageSize)
        } catch let error as RequestValidationError {
            throw SandboxError.badRequest(error)
        }
        if let organization = query.organizationId?.lowercased(),
            ![services.catalog.organizationId, services.catalog.otherOrganizationId].contains(organization)
        {
            throw SandboxError(.forbidden, "User is not a member of the organization.")
        }
        let organization = query.organizationId?.lowercased()
        let search = query.searchName?.lowercased() ?? ""
        let matching = all.filter { item in
            let (owner, name) = fields(item)
            return (organization == nil || owner == organization)
                && (search.isEmpty || name.lowercased().contains(search))
        }
        let size = query.pageSize ?? defaultSize
        let number = query.page ?? 1
        let offset = Paging.offset(page: number, pageSize: size)
        let items = offset < matching.count ? Array(matching[offset..<min(matching.count, offset + size)]) : []
        return try .json(Page(items: items, page: number, pageSize: size, total: matching.count))
    }
}

/// The context files given to running executions (kept in memory for the server's life).
actor ContextFileStore {
    private var byExecution: [String: [ContextFile]] = [:]

    func files(of executionId: String) -> [ContextFile] { byExecution[executionId] ?? [] }
    func add(_ files: [ContextFile], to executionId: String) { byExecution[executionId, default: []] += files }
}
