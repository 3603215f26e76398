import AsteroidModels
import Foundation
import Hummingbird

/// E3 delete, E5–E8 pause/resume/cancel/status, E11 user messages.
struct ExecutionControlRoutes {
    let services: SandboxServices

    func register(on group: RecordingGroup) {
        group.delete("executions/:executionId") { _, context in try await delete(context) }
        group.post("executions/:executionId/pause") { _, context in try await change(context, to: .paused) }
        group.post("executions/:executionId/resume") { _, context in try await change(context, to: .running) }
        group.post("executions/:executionId/cancel") { _, context in try await change(context, to: .cancelled) }
        group.post("executions/:executionId/status") { request, context in try await statusUpdate(request, context) }
        group.post("executions/:executionId/user-messages") { request, context in
            try await userMessage(request, context)
        }
    }

    func delete(_ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        try await services.repository.mutate(id) { state in
            guard state.execution.status.isTerminal else {
                throw SandboxError(
                    .badRequest,
                    "Execution is \(state.execution.status.rawValue); only terminal executions (completed, failed, "
                        + "cancelled) can be deleted."
                )
            }
            state.deleted = true
            return []
        }
        services.notifier.notify(id)
        return Response(status: .noContent)
    }

    func apply(_ id: String, _ target: UpdatableStatus) async throws {
        let now = services.config.clock.now
        try await services.repository.mutate(id) { state in try Transitions.apply(target, to: &state, now: now) }
        services.notifier.notify(id)
        if target == .running { services.engine.scheduleChanged() }
    }

    func change(_ context: BasicRequestContext, to target: UpdatableStatus) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        try await apply(id, target)
        return try .json(StatusChange(executionId: id, status: target))
    }

    func statusUpdate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        let body = try await request.decodeBody(UpdateStatusRequest.self, emptyAsObject: false)
        guard body.status.isKnown else {
            throw SandboxError.badRequest(
                "status", "must be one of running, paused, cancelled; got \"\(body.status.rawValue)\"")
        }
        try await apply(id, body.status)
        return .text("Execution status updated to \(body.status.rawValue).")
    }

    func userMessage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.uuidParameter("executionId")
        let body = try await request.decodeBody(UserMessageRequest.self, emptyAsObject: false)
        guard !body.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SandboxError.badRequest("message", "must not be empty")
        }
        let now = services.config.clock.now
        let user = services.catalog.users[0].id
        try await services.repository.mutate(id) { state in
            guard !state.execution.status.isTerminal else {
                throw SandboxError(
                    .badRequest,
                    "Execution is \(state.execution.status.rawValue); messages can only be sent to an execution that "
                        + "has not finished."
                )
            }
            return [
                LifecycleScript.activity(
                    id, now, .userMessageReceived, ["message": .string(body.message), "userUUID": .string(user)])
            ]
        }
        services.notifier.notify(id)
        return .text("User message added.", status: .created)
    }
}
