import AsteroidModels
import Foundation
import Hummingbird

/// A2/A3 and the workflow equivalents (execute, execute/sync), E9 rerun, E10 sync.
struct RunRoutes {
    let services: SandboxServices

    func register(on group: RecordingGroup) {
        for (prefix, parameter) in [("agents", "agentId"), ("workflows", "workflowId")] {
            group.post("\(prefix)/:\(parameter)/execute") { request, context in
                let (id, _) = try await execute(request, context, parameter)
                return try Response.json(ExecuteResponse(executionId: id, status: .starting), status: .accepted)
            }
            group.post("\(prefix)/:\(parameter)/execute/sync") { request, context in
                let (id, body) = try await execute(request, context, parameter)
                return try await waitForResult(id, timeoutSeconds: body.timeoutSeconds ?? 25)
            }
        }
        group.post("executions/:executionId/rerun") { request, context in
            let id = try await rerun(request, context)
            return try Response.json(ExecuteResponse(executionId: id), status: .accepted)
        }
        group.get("executions/:executionId/sync") { request, context in
            let id = try context.uuidParameter("executionId")
            var timeout = 25
            if let text = request.query("timeoutSeconds") {
                guard let value = Int(text), (1...25).contains(value) else {
                    throw SandboxError.badRequest(
                        "timeoutSeconds", "must be an integer between 1 and 25, got \"\(text)\"")
                }
                timeout = value
            }
            guard try await services.repository.execution(id) != nil else { throw SandboxError.executionNotFound }
            return try await waitForResult(id, timeoutSeconds: timeout)
        }
    }

    func execute(_ request: Request, _ context: BasicRequestContext, _ parameter: String) async throws -> (
        String, ExecuteRequest
    ) {
        let agentId = try context.uuidParameter(parameter)
        let body = try await request.decodeBody(ExecuteRequest.self, emptyAsObject: false)
        do { try body.validate() } catch { throw SandboxError.badRequest(error) }
        guard let agent = try await services.repository.agent(agentId) else {
            throw SandboxError(.notFound, parameter == "agentId" ? "Agent not found." : "Workflow not found.")
        }
        let version: WorkflowVersionInfo
        if let number = body.version {
            guard let found = agent.versions.first(where: { $0.version == number }) else {
                throw SandboxError.badRequest(
                    "version", "\(agent.name) has no version \(number) (versions 1–\(agent.versions.count))")
            }
            version = found
        } else if body.head == true, let last = agent.versions.last {
            version = last
        } else {
            version = agent.versions.first { $0.version == agent.publishedVersion } ?? agent.versions[0]
        }
        let fileIds = (body.tempFiles ?? []).map { $0.id.lowercased() }
        let files = try await services.repository.stagedFiles(fileIds)
        if let missing = fileIds.firstIndex(where: { id in !files.contains { $0.id == id } }) {
            throw SandboxError.badRequest(
                "tempFiles[\(missing)].id",
                "no staged file with id \(fileIds[missing]); stage it with POST /temp-files first")
        }
        let index = try await services.repository.countExecutions(workflowId: agent.id) + 1
        let catalog = services.catalog
        let trigger = TriggerContext.api(
            runner: TriggerRunner(userId: catalog.users[0].id, email: catalog.users[0].email, isAdmin: true),
            actor: TriggerActor(kind: .apiKey, id: catalog.apiKeys[0].id, client: .sdk), apiKey: catalog.apiKeys[0])
        let spec = ExecutionFactory.Spec(
            agent: agent, version: version, inputs: body.inputs ?? body.dynamicData,
            profileId: body.profileId ?? body.agentProfileId, metadata: body.metadata, options: body.executionOptions,
            trigger: trigger, parentId: nil, files: files, index: index)
        let (state, activities) = services.factory.make(spec, now: services.config.clock.now)
        try await services.repository.insert(state, activities: activities, attaching: fileIds)
        services.engine.scheduleChanged(dueAt: state.live?.nextAt)
        return (state.execution.id, body)
    }

    func rerun(_ request: Request, _ context: BasicRequestContext) async throws -> String {
        let parentId = try context.uuidParameter("executionId")
        let body = try await request.decodeBody(RerunRequest.self, emptyAsObject: true)
        do { try body.validate() } catch { throw SandboxError.badRequest(error) }
        let factory = services.factory
        let now = services.config.clock.now
        let state = try await services.repository.rerun(parentId) { source in
            let parent = source.parent
            let agent = source.agent
            let version =
                agent.versions.first { $0.id == parent.workflowVersionId }
                ?? agent.versions.first { $0.version == parent.workflowVersion } ?? agent.versions[0]
            let spec = ExecutionFactory.Spec(
                agent: agent, version: version, inputs: body.inputs ?? parent.inputs,
                profileId: body.profileId ?? body.agentProfileId ?? parent.profileId ?? parent.agentProfileId,
                metadata: parent.metadata, options: parent.executionOptions,
                trigger: parent.triggerContext ?? .api(runner: nil, actor: nil, apiKey: nil), parentId: parent.id,
                index: source.index)
            return factory.make(spec, now: now)
        }
        services.notifier.notify(parentId)
        services.engine.scheduleChanged(dueAt: state.live?.nextAt)
        return state.execution.id
    }

    /// Long-polls until the execution is terminal (200), paused or awaiting confirmation (202 at once),
    /// or `timeoutSeconds` pass (202), or the server shuts down (202 at once). Wakes on change
    /// notifications; never busy-polls.
    func waitForResult(_ id: String, timeoutSeconds: Int) async throws -> Response {
        let deadline = ContinuousClock.now + min(.seconds(timeoutSeconds), services.config.waitLimit)
        while true {
            let generation = services.notifier.generation
            guard let state = try await services.repository.execution(id) else { throw SandboxError.executionNotFound }
            let e = state.execution
            if e.status.isTerminal {
                return try .json(SyncResponse(executionId: id, status: e.status, executionResult: e.executionResult))
            }
            let remaining = deadline - ContinuousClock.now
            if [.paused, .pausedByAgent, .awaitingConfirmation].contains(e.status) || remaining <= .zero
                || services.notifier.isShutDown
            {
                return try .json(SyncResponse(executionId: id, status: e.status), status: .accepted)
            }
            await services.notifier.wait(for: id, since: generation, timeout: remaining)
            try Task.checkCancellation()
        }
    }
}
