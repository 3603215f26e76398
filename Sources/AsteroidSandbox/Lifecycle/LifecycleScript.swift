import AsteroidModels
import Foundation

/// What happens to a live execution at each tick, and the client-driven transitions (reference §6).
enum LifecycleScript {
    static let actions = ["nav_to", "obs_snapshot", "element_click", "element_type", "ext_api_call", "file_read"]

    static func activity(_ id: String, _ now: Date, _ type: ActivityType, _ fields: [String: JSONValue] = [:])
        -> Activity
    {
        Activity(id: RandomID.uuid(), executionId: id, timestamp: now, payload: ActivityPayload(type, fields))
    }

    /// Advances a live execution by one tick if it is due. Returns the activities it emitted.
    static func tick(_ state: inout ExecutionState, now: Date) -> [Activity] {
        guard var live = state.live, let due = live.nextAt, due <= now, !state.execution.status.isTerminal else {
            return []
        }
        let id = state.execution.id
        var out: [Activity] = []
        func action(_ step: Int) -> String { actions[(step - 1) % actions.count] }
        if live.step == 0 {
            state.execution.status = .running
            state.execution.startedAt = now
            state.execution.liveViewUrl = "https://sandbox.asteroid.local/live/\(id)"
            state.execution.browserLiveViewUrl = state.execution.liveViewUrl
            out.append(activity(id, now, .statusChanged, ["status": "running"]))
            out.append(activity(id, now, .stepStarted, ["stepNumber": 1]))
            out.append(actionStarted(id, now, step: 1, name: action(1)))
            live.step = 1
            live.nextAt = now.addingTimeInterval(Double(live.stepMillis) / 1000)
        } else if live.step < live.steps {
            let step = live.step
            out.append(actionCompleted(id, now, step: step, name: action(step)))
            out.append(
                activity(
                    id, now, .reasoning, ["reasoning": .string("Step \(step) done; moving on to step \(step + 1).")]))
            out.append(activity(id, now, .stepCompleted, ["stepNumber": .int(step)]))
            out.append(activity(id, now, .stepStarted, ["stepNumber": .int(step + 1)]))
            out.append(actionStarted(id, now, step: step + 1, name: action(step + 1)))
            live.step = step + 1
            live.nextAt = now.addingTimeInterval(Double(live.stepMillis) / 1000)
        } else {
            let step = live.step
            if live.outcome == .success {
                out.append(actionCompleted(id, now, step: step, name: action(step)))
            } else {
                out.append(
                    activity(
                        id, now, .actionFailed,
                        [
                            "message": .string(
                                live.outcome == .timeout ? "Timed out waiting for the page" : "Request rejected"),
                            "actionName": .string(action(step)), "actionId": .string("action-\(step)"),
                        ]))
            }
            out.append(activity(id, now, .stepCompleted, ["stepNumber": .int(step)]))
            live.nextAt = nil
            live.step = step + 1
            out += finish(&state, outcome: live.outcome, now: now)
        }
        state.live = live
        return out
    }

    static func actionStarted(_ id: String, _ now: Date, step: Int, name: String) -> Activity {
        activity(
            id, now, .actionStarted,
            [
                "message": .string("Running \(name)"), "actionName": .string(name),
                "actionId": .string("action-\(step)"),
            ])
    }

    static func actionCompleted(_ id: String, _ now: Date, step: Int, name: String) -> Activity {
        activity(
            id, now, .actionCompleted,
            [
                "message": .string("\(name) done"), "actionName": .string(name), "actionId": .string("action-\(step)"),
                "duration": 1500,
            ])
    }

    /// Ends the run with a result: completed (success) or failed (failure/timeout).
    static func finish(_ state: inout ExecutionState, outcome: PlannedOutcome, now: Date) -> [Activity] {
        let e = state.execution
        let result: JSONValue =
            outcome == .success
            ? .object(["ok": true, "agent": .string(e.workflowName ?? e.agentName), "inputs": .object(e.inputs ?? [:])])
            : .object(["ok": false, "error": .string(outcome.reasoning)])
        state.execution.executionResult = ExecutionResult(
            id: RandomID.uuid(), executionId: e.id, outcome: outcome.rawValue,
            reasoning: outcome.reasoning, result: result, createdAt: now)
        let payload: [String: JSONValue] =
            outcome == .success
            ? [
                "status": "completed",
                "completedPayload": ["outcome": "success", "reasoning": .string(outcome.reasoning), "result": result],
            ]
            : ["status": "failed", "failedPayload": ["reason": .string(outcome.reasoning)]]
        markTerminal(&state, status: outcome.finalStatus, now: now)
        return [
            activity(e.id, now, .statusChanged, payload),
            activity(
                e.id, now, .terminal,
                ["reason": outcome == .success ? "complete" : "error", "message": .string(outcome.reasoning)]),
        ]
    }

    static func markTerminal(_ state: inout ExecutionState, status: ExecutionStatus, now: Date) {
        state.execution.status = status
        state.execution.terminalAt = now
        state.execution.liveViewUrl = nil
        state.execution.browserLiveViewUrl = nil
        if let started = state.execution.startedAt {
            state.execution.duration = (now.timeIntervalSince(started) * 1000).rounded() / 1000
            let recording = "https://sandbox.asteroid.local/recordings/\(state.execution.id).mp4"
            state.execution.recordingUrl = recording
            state.execution.browserRecordingUrl = recording
        }
        state.live?.nextAt = nil
    }
}
