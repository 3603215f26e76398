import AsteroidModels
import Foundation

/// Deterministic demo executions: the same seed, count and anchor give the same rows, byte for byte.
struct SeedGenerator {
    let catalog: SeedCatalog
    let seed: UInt64
    let anchor: Date

    static let statusWeights: [(ExecutionStatus, Int)] = [
        (.completed, 56), (.failed, 14), (.cancelled, 8), (.running, 6), (.paused, 4), (.queued, 3), (.starting, 3),
        (.awaitingConfirmation, 3), (.pausedByAgent, 3),
    ]

    /// The share of executions created in the 24 hours before the anchor.
    static let lastDayShare = 0.15

    func executions(count: Int) -> [ExecutionState] {
        var random = SeedRandom(seed: seed)
        // Creation times first, oldest first, so `seq` follows time. An ops engineer's view: about 15% of
        // the runs happened in the 24 hours before the anchor (so `since=24h` finds a day's work, failures
        // and timeouts included), the rest spread over the 30 days before that.
        var offsets = (0..<count).map { _ in
            Double(random.chance(Self.lastDayShare) ? random.int(60..<86_400) : random.int(86_400...(30 * 86_400)))
        }
        offsets.sort(by: >)
        var states: [ExecutionState] = []
        states.reserveCapacity(count)
        var byAgent: [String: [Int]] = [:]
        for index in 0..<count {
            let createdAt = Date(millis: anchor.addingTimeInterval(-offsets[index]).millis)
            // The newest executions cover every status at least once.
            let fromEnd = count - 1 - index
            let status =
                fromEnd < Self.statusWeights.count ? Self.statusWeights[fromEnd].0 : weightedStatus(&random)
            var state = execution(index: index, createdAt: createdAt, status: status, &random)
            // About 5% are reruns of an earlier terminal execution of the same agent.
            if let earlier = byAgent[state.execution.workflowId], !earlier.isEmpty, random.chance(0.05) {
                let parentIndex = earlier[random.int(0..<earlier.count)]
                let parent = states[parentIndex].execution
                if parent.status.isTerminal {
                    state.execution.parentExecutionId = parent.id
                    state.execution.inputs = parent.inputs
                    state.execution.metadata = parent.metadata
                    state.execution.executionOptions = parent.executionOptions
                    state.execution.workflowVersion = parent.workflowVersion
                    state.execution.workflowVersionId = parent.workflowVersionId
                    state.execution.workflowVersionPublished = parent.workflowVersionPublished
                    state.execution.profileId = parent.profileId
                    state.execution.profileName = parent.profileName
                    state.execution.agentProfileId = parent.agentProfileId
                    state.execution.agentProfileName = parent.agentProfileName
                    states[parentIndex].execution.hasBeenRerun = true
                }
            }
            byAgent[state.execution.workflowId, default: []].append(index)
            states.append(state)
        }
        return states
    }

    private func weightedStatus(_ random: inout SeedRandom) -> ExecutionStatus {
        let total = Self.statusWeights.reduce(0) { $0 + $1.1 }
        var roll = random.int(0..<total)
        for (status, weight) in Self.statusWeights {
            if roll < weight { return status }
            roll -= weight
        }
        return .completed
    }

    private func execution(index: Int, createdAt: Date, status: ExecutionStatus, _ random: inout SeedRandom)
        -> ExecutionState
    {
        let agent = catalog.agents[random.int(0..<catalog.agents.count)]
        let id = random.uuid()
        let version =
            random.chance(0.7)
            ? agent.versions.first { $0.version == agent.publishedVersion } ?? agent.versions[0]
            : random.pick(agent.versions)
        let profile = random.chance(0.6) ? random.pick(catalog.profiles) : nil
        var e = Execution(
            id: id, agentId: agent.id, workflowId: agent.id, workflowVersionId: version.id,
            workflowVersion: version.version, workflowVersionPublished: version.published, status: status,
            createdAt: createdAt, organizationId: agent.organizationId, agentName: agent.name, workflowName: agent.name,
            agentProfileId: profile?.id, agentProfileName: profile?.name, profileId: profile?.id,
            profileName: profile?.name, inputs: SeedCatalog.inputs(for: agent.name, &random),
            platformUrl: "https://platform.asteroid.ai/executions/\(id)")
        if !random.chance(0.2) {
            var metadata = [
                "env": random.pick(["prod", "prod", "staging"]),
                "customer": random.pick(["acme", "globex", "initech", "umbrella"]),
            ]
            if random.chance(0.3) { metadata["ticket"] = "JIRA-\(random.int(100...999))" }
            e.metadata = metadata
        }
        if random.chance(0.25) {
            var labels = [random.pick(catalog.labels)]
            if random.chance(0.3) { labels.append(random.pick(catalog.labels)) }
            e.humanLabels = Array(Set(labels)).sorted { $0.name < $1.name }
        }
        let user = random.pick(catalog.users)
        var batchId: String?
        switch random.int(0..<20) {
        case 0..<11:
            e.triggerContext = .api(
                runner: TriggerRunner(userId: user.id, email: user.email, isAdmin: user.isAdmin),
                actor: TriggerActor(kind: .apiKey, id: catalog.apiKeys[0].id, client: .sdk),
                apiKey: random.pick(catalog.apiKeys))
        case 11..<16:
            e.triggerContext = .ui(
                runner: TriggerRunner(userId: user.id, email: user.email, isAdmin: user.isAdmin),
                actor: TriggerActor(kind: .person, id: user.id, client: .web))
        default:
            e.triggerContext = .schedule(random.pick(catalog.schedules))
            batchId = "batch-\(createdAt.millis / 86_400_000)"
        }
        if random.chance(0.15) {
            e.executionOptions = ExecutionOptions(
                sharedStorageKey: random.chance(0.5)
                    ? "shared-\(agent.name.lowercased().replacingOccurrences(of: " ", with: "-"))" : nil,
                variantKey: random.chance(0.5) ? random.pick(["eu", "us", "apac"]) : nil,
                softTimeoutMins: random.int(5...30))
        }
        if random.chance(0.1) {
            e.comments = [
                Comment(
                    id: random.uuid(), executionId: id, userId: user.id,
                    content: random.pick([
                        "Checked manually, looks right.", "Vendor changed their portal again.", "Rerun after the fix.",
                    ]),
                    public: random.chance(0.5), createdAt: createdAt.addingTimeInterval(3600))
            ]
        }
        fillTimes(&e, random: &random)
        return ExecutionState(
            seq: Int64(index + 1), execution: e, live: nil, deleted: false, seeded: true, batchId: batchId)
    }

    private func fillTimes(_ e: inout Execution, random: inout SeedRandom) {
        guard e.status != .queued, e.status != .starting else { return }
        let started = e.createdAt.addingTimeInterval(Double(random.int(1...30)))
        e.startedAt = started
        guard e.status.isTerminal else {
            e.liveViewUrl = "https://sandbox.asteroid.local/live/\(e.id)"
            e.browserLiveViewUrl = e.liveViewUrl
            return
        }
        let terminal = started.addingTimeInterval(Double(random.int(20...600)))
        e.terminalAt = terminal
        e.duration = terminal.timeIntervalSince(started)
        e.recordingUrl = "https://sandbox.asteroid.local/recordings/\(e.id).mp4"
        e.browserRecordingUrl = e.recordingUrl
        let name = e.workflowName ?? e.agentName
        let (outcome, reasoning, result): (String, String, JSONValue)
        switch e.status {
        case .completed:
            let partial = random.chance(0.15)
            outcome = partial ? "partial_success" : "success"
            reasoning =
                partial
                ? "\(name) finished, but two optional fields were missing on the page." : "\(name) finished every step."
            result = ["ok": true, "recordsProcessed": .int(random.int(1...40))]
        case .failed:
            let pick = random.int(0..<4)
            outcome = ["failure", "timeout", "login timeout", "captcha_blocked"][pick]
            reasoning =
                [
                    "The portal returned an error page after submitting the form.",
                    "The page did not load within 60 seconds.",
                    "The login form never accepted the credentials before the timeout.", "A CAPTCHA blocked the run.",
                ][pick]
            result = ["ok": false, "error": .string(reasoning)]
            if random.chance(0.3) {
                e.scriptFailures = [
                    ScriptFailure(
                        occurredAt: terminal, nodeName: "Submit form", scriptFilepath: "scripts/submit.ts",
                        error: "TimeoutError: locator.click: Timeout 30000ms exceeded", failedLine: random.int(5...80),
                        step: 3)
                ]
            }
        default:
            guard random.chance(0.3) else { return }
            outcome = "cancelled"
            reasoning = "Cancelled by a user before finishing."
            result = .null
        }
        e.executionResult = ExecutionResult(
            id: random.uuid(), executionId: e.id, outcome: outcome, reasoning: reasoning, result: result,
            createdAt: terminal)
    }
}
