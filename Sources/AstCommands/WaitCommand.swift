import AsteroidClient
import AsteroidModels
import AstRuntime
import Foundation

/// `wait [timeout=10m]`: waits (long-polling the sync endpoint) until each input execution is terminal;
/// yields the final records, in input order.
struct WaitCommand: Command {
    let signature = Signature(
        "wait", "wait until executions finish; yields their final records", category: "api",
        positionals: [ParamSpec("id", .string, "an execution id")],
        named: [ParamSpec("timeout", .duration, "give up after this long (default 10m)")],
        outputSchema: "execution", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [Example("execute 3c90c3cc-0d44-4b50-8888-8dd25736052a | wait timeout=15m | .status", "run and wait")])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let timeout: Double
        if case .duration(let d)? = call.named["timeout"] { timeout = d } else { timeout = 600 }
        guard timeout > 0 else { throw call.error("timeout must be positive", argument: "timeout") }
        var ids: [String] = []
        for value in try await call.targetIds().collect() where !ids.contains(value.text) { ids.append(value.text) }
        let deadline = Date().addingTimeInterval(timeout)
        let progress = call.interpreter.progress?.begin("wait", total: ids.count, noun: "execution", inFlightWord: "still running")
        defer { progress?.end() }
        for _ in ids { progress?.started() }  // every id is being waited for (up to 16 polled at once)
        let results = try await withThrowingTaskGroup(of: (Int, Value).self) { group in
            var next = 0
            var out = [Value](repeating: .null, count: ids.count)
            func start() {
                guard next < ids.count else { return }
                let index = next
                let id = ids[index]
                next += 1
                group.addTask { (index, try await Self.waitOne(id, deadline: deadline, timeout: timeout, call: call, api: api)) }
            }
            for _ in 0..<min(16, ids.count) { start() }
            while let (index, value) = try await group.next() {
                out[index] = value
                progress?.completed()
                start()
            }
            return out
        }
        return call.shaped(results)
    }

    static func waitOne(_ id: String, deadline: Date, timeout: Double, call: Invocation, api: APIService) async throws -> Value {
        while true {
            try Task.checkCancellation()
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                let status = (try? await api.client.getExecution(id).status.rawValue) ?? "unknown"
                throw call.error("timed out after \(Value.formatDuration(timeout)) waiting for \(id) (still \(status))",
                    argument: "timeout", help: "raise it: wait timeout=30m")
            }
            let seconds = max(1, min(25, Int(remaining.rounded(.up))))
            guard let result = try await call.request({ () throws(AsteroidError) in try await api.client.sync(id, timeoutSeconds: seconds) })
            else { return .null }
            if result.isFinished || result.status.isTerminal {
                return try await Fetch.execution(id, call: call, api: api)
            }
        }
    }
}
