import AsteroidModels
import Foundation
import Hummingbird

/// E1 list, E2 get, E4 activities, E12 recording.
struct ExecutionReadRoutes {
    let services: SandboxServices

    func register(on group: RecordingGroup) {
        group.get("executions") { request, _ in try await list(request) }
        group.get("executions/:executionId") { _, context in try await get(context) }
        group.get("executions/:executionId/activities") { request, context in try await activities(request, context) }
        group.get("executions/:executionId/recording") { request, context in try await recording(request, context) }
    }

    func list(_ request: Request) async throws -> Response {
        let query: ListExecutionsQuery
        do {
            query = try ListExecutionsQuery(queryItems: request.queryItems)
            try query.validate()
            for item in request.queryItems where ["page", "pageSize"].contains(item.name) && item.value.isEmpty {
                throw RequestValidationError(item.name, "must not be empty")
            }
            try Paging.check(page: query.page, pageSize: query.pageSize)
            try SQLiteRepository.checkLike("executionId", query.executionId)
            try SQLiteRepository.checkLike("outcomeLabel", query.outcomeLabel)
            try SQLiteRepository.checkLike("inputsValue", query.inputsValue)
        } catch let error as RequestValidationError {
            throw SandboxError.badRequest(error)
        }
        let page = try await services.repository.listExecutionsJSON(query, now: services.config.clock.now)
        return .rawJSON(page.json)
    }

    func get(_ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        guard let body = try await services.repository.executionJSON(id) else { throw SandboxError.executionNotFound }
        return .rawJSON(body)
    }

    func activities(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        var query = ActivitiesQuery()
        do {
            if let order = request.query("order") { query.order = SortDirection(rawValue: order) }
            if let limit = request.query("limit") {
                guard let number = Int32(limit) else {
                    throw RequestValidationError("limit", "\"\(limit)\" is not a 32-bit integer")
                }
                query.limit = Int(number)
            }
            try query.validate()
        } catch let error as RequestValidationError {
            throw SandboxError.badRequest(error)
        }
        guard let state = try await services.repository.execution(id) else { throw SandboxError.executionNotFound }
        var feed = try await services.repository.storedActivities(state.seq)
        if state.seeded {
            feed = (SeededActivities.timeline(for: state.execution) + feed)
        }
        // Stable sort by time: activities written in one tick keep their order.
        feed = feed.enumerated().sorted { a, b in
            a.element.timestamp != b.element.timestamp ? a.element.timestamp < b.element.timestamp : a.offset < b.offset
        }.map(\.element)
        if query.order == .desc { feed.reverse() }
        if let limit = query.limit { feed = Array(feed.prefix(limit)) }
        return try .json(feed)
    }

    func recording(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        guard let state = try await services.repository.execution(id) else { throw SandboxError.executionNotFound }
        guard state.execution.startedAt != nil else {
            throw SandboxError(.notFound, "Recording not found: the execution has not started yet.")
        }
        let expires = Int(services.config.clock.now.timeIntervalSince1970) + 300
        let signature = String(String(id.hashValueStable ^ UInt64(expires), radix: 16).prefix(16))
        let location =
            "https://sandbox.asteroid.local/recordings/\(id).mp4"
                + "?X-Sandbox-Expires=\(expires)&X-Sandbox-Signature=\(signature)"
        return Response(status: .temporaryRedirect, headers: [.location: location])
    }
}
