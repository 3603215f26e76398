import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("fault injection")
struct FaultTests {
    static let header = HTTPField.Name("X-Sandbox-Fault")!

    @Test("parsing --faults")
    func parsing() throws {
        let spec = try FaultSpec(parsing: "500:0.05,503:0.05,429:0.05,latency:20ms,reset:0.01")
        #expect(spec.statusRates == [500: 0.05, 503: 0.05, 429: 0.05])
        #expect(spec.latencyMs == 20 && spec.resetRate == 0.01)
        #expect(try FaultSpec(parsing: "").isEmpty)
        for bad in ["500", "700:0.1", "500:2", "latency:fast", "500:0.6,503:0.6", "boom:0.1"] {
            #expect(throws: FaultSpecError.self, "\(bad)") { try FaultSpec(parsing: bad) }
        }
    }

    @Test("rate 1.0 fails every request before any state change, with Retry-After on 503")
    func rateOne() async throws {
        let harness = try await Harness.make(executions: 3, faults: FaultSpec(statusRates: [503: 1]))
        try await harness.test { client in
            let agentId = harness.services.catalog.agents[0].id
            let before = try await harness.services.repository.countExecutions(workflowId: agentId)
            let response = try await client.call(.post, "/agents/\(agentId)/execute", body: "{}")
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "1")
            #expect(response.error?.code == 503)
            #expect(try await harness.services.repository.countExecutions(workflowId: agentId) == before)
        }
    }

    @Test("429 at rate 1.0 carries Retry-After")
    func tooMany() async throws {
        let harness = try await Harness.make(executions: 3, faults: FaultSpec(statusRates: [429: 1]))
        try await harness.test { client in
            let response = try await client.call(.get, "/executions")
            #expect(response.status == .tooManyRequests && response.headers[.retryAfter] == "1")
        }
    }

    @Test(
        "the header forces one response",
        arguments: [("503", 503), ("500", 500), ("429", 429), ("latency=5ms,502", 502)])
    func forced(_ value: String, _ status: Int) async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let agentId = harness.services.catalog.agents[0].id
            let before = try await harness.services.repository.countExecutions(workflowId: agentId)
            let response = try await client.call(
                .post, "/agents/\(agentId)/execute", body: "{}", headers: [Self.header: value])
            #expect(response.status.code == status)
            #expect(try await harness.services.repository.countExecutions(workflowId: agentId) == before)
            let normal = try await client.call(.get, "/executions")
            #expect(normal.status == .ok)
        }
    }

    @Test("reset drops the connection mid-response")
    func reset() async throws {
        let harness = try await Harness.make(executions: 3)
        await #expect(throws: (any Error).self) {
            try await harness.test { client in
                let response = try await client.call(.get, "/executions", headers: [Self.header: "reset"])
                // The router test framework surfaces the broken body as an error; reaching here is a failure.
                Issue.record("got \(response.status) instead of a dropped connection")
            }
        }
    }

    @Test("a malformed header is a 400 naming it")
    func badHeader() async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(.get, "/executions", headers: [Self.header: "explode"])
            #expect(response.status == .badRequest && response.error?.errors?.first?.parameter == "X-Sandbox-Fault")
        }
    }

    @Test("dice are deterministic with the seed")
    func dice() {
        let spec = FaultSpec(statusRates: [500: 0.3], resetRate: 0.1)
        let a = FaultDice(seed: 9)
        let b = FaultDice(seed: 9)
        let rolls = (0..<200).map { _ in a.roll(spec) }
        #expect(rolls == (0..<200).map { _ in b.roll(spec) })
        let failures = rolls.filter { $0 == .status(500) }.count
        #expect((30...90).contains(failures))
        #expect(rolls.contains(.reset) && rolls.contains(nil))
    }
}
