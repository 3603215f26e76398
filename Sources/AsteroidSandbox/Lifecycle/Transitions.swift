import AsteroidModels
import Foundation

/// Client-requested status changes (pause, resume, cancel), following reference §6:
/// running → paused; paused / paused_by_agent / awaiting_confirmation → running; any non-terminal →
/// cancelled. Anything else is a 400 saying why.
enum Transitions {
    static func apply(_ target: UpdatableStatus, to state: inout ExecutionState, now: Date) throws -> [Activity] {
        let current = state.execution.status
        let id = state.execution.id
        if current.isTerminal {
            throw SandboxError(
                .badRequest, "Execution is \(current.rawValue); a terminal execution cannot be \(verb(target)).")
        }
        switch target {
        case .paused:
            guard current == .running else {
                throw SandboxError(
                    .badRequest, "Execution is \(current.rawValue); only a running execution can be paused.")
            }
            state.execution.status = .paused
            state.live?.nextAt = nil
            return [
                LifecycleScript.activity(
                    id, now, .statusChanged, ["status": "paused", "pausedPayload": ["reason": "Paused by user"]])
            ]
        case .running:
            guard [.paused, .pausedByAgent, .awaitingConfirmation].contains(current) else {
                throw SandboxError(
                    .badRequest,
                    "Execution is \(current.rawValue); only a paused, paused_by_agent or awaiting_confirmation "
                        + "execution can be resumed."
                )
            }
            state.execution.status = .running
            if state.execution.startedAt == nil { state.execution.startedAt = now }
            if var live = state.live {
                live.nextAt = now.addingTimeInterval(Double(live.stepMillis) / 1000)
                if live.step == 0 { live.step = 1 }
                state.live = live
            }
            return [LifecycleScript.activity(id, now, .statusChanged, ["status": "running"])]
        case .cancelled:
            LifecycleScript.markTerminal(&state, status: .cancelled, now: now)
            return [
                LifecycleScript.activity(
                    id, now, .statusChanged, ["status": "cancelled", "cancelledPayload": ["reason": "user_requested"]]),
                LifecycleScript.activity(
                    id, now, .terminal, ["reason": "unsubscribe", "message": "Cancelled by user"]),
            ]
        case .unknown(let raw):
            throw SandboxError.badRequest("status", "must be one of running, paused, cancelled; got \"\(raw)\"")
        }
    }

    static func verb(_ target: UpdatableStatus) -> String {
        switch target {
        case .paused: "paused"
        case .running: "resumed"
        case .cancelled: "cancelled"
        case .unknown: "changed"
        }
    }
}
