import AsteroidModels
import Foundation

/// How a live execution ends. Decided when it is created, from documented rules (docs/sandbox.md):
///
/// 1. inputs `"fail": true` → `failed`, outcome `failure`;
/// 2. inputs `"timeout": true` → `failed`, outcome `timeout`;
/// 3. an agent with `failureEvery = n` fails (outcome `failure`) on every n-th execution it has ever had
///    (the execution's 1-based index among that agent's executions, demo data included, divisible by n);
/// 4. otherwise `completed`, outcome `success`.
enum PlannedOutcome: String, Sendable, Hashable {
    case success, failure, timeout

    static func decide(inputs: [String: JSONValue]?, failureEvery: Int?, index: Int) -> PlannedOutcome {
        if inputs?["fail"]?.boolValue == true { return .failure }
        if inputs?["timeout"]?.boolValue == true { return .timeout }
        if let every = failureEvery, every > 0, index % every == 0 { return .failure }
        return .success
    }

    var finalStatus: ExecutionStatus { self == .success ? .completed : .failed }

    var reasoning: String {
        switch self {
        case .success: "All steps finished and the output matched the expected schema."
        case .failure: "A step failed: the target system rejected the request, so the run stopped."
        case .timeout: "The page did not finish loading before the step timeout."
        }
    }
}

/// The shape of a live run: how many steps, how long each takes. Deterministic from the execution's index
/// among its agent's executions: 3–5 steps, 5–20 seconds in total at speed 1.
struct RunShape: Sendable, Hashable {
    var steps: Int
    var startMillis: Int64
    var stepMillis: Int64

    init(index: Int, speed: Double) {
        let mixed = SeedRandom.mix(UInt64(truncatingIfNeeded: index) &+ 0x5EED)
        steps = 3 + Int(mixed % 3)
        let totalSeconds = 5 + Int((mixed >> 8) % 16)
        // SandboxConfig refuses other speeds; clamped again so no speed can overflow the durations below.
        let factor =
            speed.isFinite
            ? min(max(speed, SandboxConfig.speedRange.lowerBound), SandboxConfig.speedRange.upperBound) : 1
        startMillis = max(1, Int64((1000 / factor).rounded()))
        stepMillis = max(1, Int64((Double(totalSeconds - 1) * 1000 / Double(steps) / factor).rounded()))
    }
}
