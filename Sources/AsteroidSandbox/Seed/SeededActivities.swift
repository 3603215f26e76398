import AsteroidModels
import Foundation

/// The activity feed of a demo execution, generated from the execution itself on each read (storing
/// a dozen rows per demo execution would make a 100k seed slow and big). Ids and times are derived from
/// the execution id, so every read gives the same feed.
enum SeededActivities {
    static func timeline(for e: Execution) -> [Activity] {
        var random = SeedRandom(seed: UInt64(truncatingIfNeeded: e.id.hashValueStable))
        var out: [Activity] = []
        func add(_ at: Date, _ type: ActivityType, _ fields: [String: JSONValue]) {
            out.append(
                Activity(id: random.uuid(), executionId: e.id, timestamp: at, payload: ActivityPayload(type, fields)))
        }
        add(e.createdAt, .statusChanged, ["status": e.status == .queued ? "queued" : "starting"])
        guard let started = e.startedAt else { return out }
        add(started, .statusChanged, ["status": "running"])
        let end = e.terminalAt ?? started.addingTimeInterval(60)
        let steps = 3 + random.int(0...2)
        let span = end.timeIntervalSince(started) / Double(steps + 1)
        for step in 1...steps {
            let at = started.addingTimeInterval(span * Double(step - 1) + 0.5)
            let action = LifecycleScript.actions[(step - 1) % LifecycleScript.actions.count]
            add(at, .stepStarted, ["stepNumber": .int(step)])
            add(
                at, .actionStarted,
                [
                    "message": .string("Running \(action)"), "actionName": .string(action),
                    "actionId": .string("action-\(step)"),
                ])
            add(
                at.addingTimeInterval(span / 2), .actionCompleted,
                [
                    "message": .string("\(action) done"), "actionName": .string(action),
                    "actionId": .string("action-\(step)"),
                    "duration": .int(Int(span / 2 * 1000)),
                ])
            add(
                at.addingTimeInterval(span / 2), .reasoning,
                ["reasoning": .string("Step \(step) looks right; continuing.")])
            add(at.addingTimeInterval(span * 0.9), .stepCompleted, ["stepNumber": .int(step)])
        }
        switch e.status {
        case .completed:
            add(
                end, .statusChanged,
                [
                    "status": "completed",
                    "completedPayload": [
                        "outcome": .string(e.executionResult?.outcome ?? "success"),
                        "reasoning": .string(e.executionResult?.reasoning ?? ""),
                        "result": e.executionResult?.result ?? .null,
                    ],
                ])
            add(end, .terminal, ["reason": "complete"])
        case .failed:
            add(
                end, .statusChanged,
                ["status": "failed", "failedPayload": ["reason": .string(e.executionResult?.reasoning ?? "failed")]])
            add(end, .terminal, ["reason": "error", "message": .string(e.executionResult?.reasoning ?? "failed")])
        case .cancelled:
            add(end, .statusChanged, ["status": "cancelled", "cancelledPayload": ["reason": "user_requested"]])
            add(end, .terminal, ["reason": "unsubscribe"])
        case .paused:
            add(end, .statusChanged, ["status": "paused", "pausedPayload": ["reason": "Paused by user"]])
        case .pausedByAgent:
            add(
                end, .statusChanged,
                [
                    "status": "paused_by_agent", "pausedPayload": ["reason": "Needs a one-time code from the user"],
                ])
        case .awaitingConfirmation:
            add(
                end, .statusChanged,
                ["status": "awaiting_confirmation", "awaitingConfirmationPayload": ["reason": "Confirm the payment"]])
        default:
            break
        }
        return out
    }
}

extension String {
    /// FNV-1a: a hash that is the same in every process (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }
}
