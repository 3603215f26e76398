import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import AsteroidSandbox

/// Faults that fire after the handler ran (ambiguous writes), and resets in the request log.
@Suite("after-handler faults and the request log")
struct AfterFaultTests {
    static let header = HTTPField.Name("X-Sandbox-Fault")!

    @Test("parsing after- faults")
    func parsing() throws {
        let spec = try FaultSpec(parsing: "after-reset:0.1,after-502:0.2,503:0.1")
        #expect(spec.afterResetRate == 0.1 && spec.afterStatusRates == [502: 0.2] && spec.statusRates == [503: 0.1])
        #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: "after-reset:0.6,after-502:0.6") }
        #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: "after-700:0.1") }
    }

    @Test(
        "after-502: the execution is created, then the answer is a 502",
        arguments: ["after-502", "after-500,latency=1ms"])
    func afterStatus(_ value: String) async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let agentId = harness.services.catalog.agents[0].id
            let before = try await harness.services.repository.countExecutions(workflowId: agentId)
            let response = try await client.call(
                .post, "/agents/\(agentId)/execute", body: "{}", headers: [Self.header: value])
            #expect(response.status.code >= 500 && response.error?.code == response.status.code)
            #expect(response.error?.message.contains("after the request was carried out") == true)
            #expect(try await harness.services.repository.countExecutions(workflowId: agentId) == before + 1)
        }
    }

    @Test("--faults after-503:1 commits every write and answers 503")
    func afterStatusRate() async throws {
        let harness = try await Harness.make(executions: 3, faults: FaultSpec(afterStatusRates: [503: 1]))
        try await harness.test { client in
            let agentId = harness.services.catalog.agents[0].id
            let before = try await harness.services.repository.countExecutions(workflowId: agentId)
            let response = try await client.call(.post, "/agents/\(agentId)/execute", body: "{}")
            #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "1")
            #expect(try await harness.services.repository.countExecutions(workflowId: agentId) == before + 1)
        }
    }

    @Test("after-reset: the execution is created, then the connection drops")
    func afterReset() async throws {
        let harness = try await Harness.make(executions: 3)
        let agentId = harness.services.catalog.agents[0].id
        let before = try await harness.services.repository.countExecutions(workflowId: agentId)
        await #expect(throws: (any Error).self) {
            try await harness.test { client in
                let response = try await client.call(
                    .post, "/agents/\(agentId)/execute", body: "{}", headers: [Self.header: "after-reset"])
                Issue.record("got \(response.status) instead of a dropped connection")
            }
        }
        #expect(try await harness.services.repository.countExecutions(workflowId: agentId) == before + 1)
    }

    @Test("an injected reset is logged as reset, not 200", arguments: ["reset", "after-reset"])
    func resetLogged(_ value: String) async throws {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in LineRecorder(lines: lines) }
        var config = SandboxConfig.inMemory(executions: 2, clock: ManualClock())
        config.logRequests = true
        let services = try await SandboxServices(config, logger: logger)
        let app = buildApplication(services: services)
        _ = try? await app.test(.router) { client in
            try await client.execute(
                uri: "/agents/v2/executions", method: .get,
                headers: [HTTPField.Name("X-Api-Key")!: "k", Self.header: value], body: nil)
        }
        let logged = lines.all.filter { $0.hasPrefix("GET /agents/v2/executions") }
        #expect(logged.count == 1 && logged.first?.contains(" reset ") == true, "\(lines.all)")
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

struct LineRecorder: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { lines.append(event.message.description) }
}
