import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 12: a pending 25 s long-poll or a 50 s injected latency must not hold the server open: `stop()`
/// and SIGTERM end them at once.
@Suite("shutdown ends pending waits", .serialized)
struct ShutdownTests {
    static func call(
        _ url: String, fault: String? = nil, method: String = "GET", body: String? = nil, key: String = "k"
    ) async throws -> (Int, Data) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.timeoutInterval = 120
        request.setValue(key, forHTTPHeaderField: "X-Api-Key")
        if let fault { request.setValue(fault, forHTTPHeaderField: "X-Sandbox-Fault") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Starts a run that will not finish on its own and returns its id.
    static func pendingExecution(_ base: String) async throws -> String {
        let agents = try AsteroidJSON.makeDecoder().decode(Page<Agent>.self, from: try await call(base + "/agents").1)
        let agent = try #require(agents.items.first)
        let (status, data) = try await call(base + "/agents/\(agent.id)/execute", method: "POST", body: "{}")
        #expect(status == 202)
        return try AsteroidJSON.makeDecoder().decode(ExecuteResponse.self, from: data).executionId
    }

    @Test("SandboxServer.stop() ends a 25 s long-poll and a 50 s latency at once")
    func stopInProcess() async throws {
        let sandbox = try await SandboxServer.start(.inMemory(executions: 3, speed: 1, clock: ManualClock()))
        let base = sandbox.baseURL.absoluteString
        let id = try await Self.pendingExecution(base)
        let poll = Task { try await Self.call(base + "/executions/\(id)/sync?timeoutSeconds=25") }
        let slow = Task { try await Self.call(base + "/executions", fault: "latency=50s") }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        await sandbox.stop()
        let elapsed = ContinuousClock.now - start
        // Not waiting for the 25 s poll or the 50 s latency is the point here; the 1 s bound is the process
        // test's (`sigterm`). In-process, a full parallel `swift test` on 2 cores could starve stop() past 1 s.
        #expect(elapsed < .seconds(5), "stop took \(elapsed)")
        let polled = try await poll.value
        #expect(polled.0 == 202, "the long-poll answers 202 with the current status")
        let slowed = try await slow.value
        #expect(slowed.0 == 200)
    }

    @Test("SIGTERM stops `ast sandbox` within a second despite a pending long-poll and latency")
    func sigterm() async throws {
        let sandbox = try SandboxProcess.start(["--executions", "3", "--speed", "0.001"])
        defer { sandbox.stop() }
        let process = sandbox.process
        let base = sandbox.base
        let id = try await Self.pendingExecution(base)
        let poll = Task { try? await Self.call(base + "/executions/\(id)/sync?timeoutSeconds=25") }
        let slow = Task { try? await Self.call(base + "/executions", fault: "latency=50s") }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        while process.isRunning, ContinuousClock.now - start < .seconds(5) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let elapsed = ContinuousClock.now - start
        #expect(!process.isRunning && elapsed < .seconds(1), "exit took \(elapsed)")
        #expect(await poll.value?.0 == 202)
        #expect(await slow.value?.0 == 200)
    }
}
