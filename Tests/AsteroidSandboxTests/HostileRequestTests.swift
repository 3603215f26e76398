import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

/// Issue 12's sandbox reproductions: numbers from a request, fault values, and the order of auth and faults.
@Suite("hostile requests")
struct HostileRequestTests {
    static let fault = HTTPField.Name("X-Sandbox-Fault")!

    @Test(
        "page maths that would overflow are a 400 naming page",
        arguments: [
            "/executions?page=9223372036854775807", "/executions?page=9223372036854775807&pageSize=100",
            "/executions?page=92233720368547760&pageSize=100",
        ])
    func executionPages(_ path: String) async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(.get, path)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(response.error?.errors?.first?.parameter == "page")
        }
    }

    @Test("an agents page that would overflow is a 400 naming page (text, like the API)")
    func agentPages() async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(.get, "/agents?page=9223372036854775807")
            #expect(response.status == .badRequest && response.text.contains("page"), "\(response.text)")
            let last = try await client.call(.get, "/agents?page=2147483647&pageSize=100")
            #expect(last.status == .ok, "the largest page (Int32.max, the models' cap) is an empty page: \(last.text)")
        }
    }

    @Test(
        "a search text past SQLite's LIKE limit is a 400 naming it (was a 500)",
        arguments: ["executionId", "outcomeLabel", "inputsValue"])
    func longSearch(_ parameter: String) async throws {
        let harness = try await Harness.make(executions: 3)
        let long = String(repeating: "a", count: 60_000)
        try await harness.test { client in
            let extra = parameter == "inputsValue" ? "&inputsKey=k" : ""
            let response = try await client.call(.get, "/executions?\(parameter)=\(long)\(extra)")
            #expect(response.status == .badRequest, "\(response.status)")
            #expect(response.error?.errors?.first?.parameter == parameter)
        }
    }

    @Test("a long agent search (found by the request fuzzer, seed 7) is a 400, not a 500")
    func longAgentSearch() async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(
                .get, "/agents?searchName=" + String(repeating: "%2520", count: 20_000))
            #expect(response.status == .badRequest && response.text.contains("searchName"), "\(response.status)")
        }
    }

    @Test("checked offsets")
    func offsets() {
        #expect(Paging.checkedOffset(page: 3, pageSize: 10) == 20)
        #expect(Paging.checkedOffset(page: .max, pageSize: 2) == nil)
        #expect(Paging.checkedOffset(page: .min, pageSize: 1) == nil)
        #expect(Paging.offset(page: .max, pageSize: 100) == .max)
    }

    @Test(
        "a fault latency that is huge, infinite or not a number is a 400 naming the header",
        arguments: [
            "latency=1e300s", "latency=infs", "latency=1e16s", "latency=9223372036854775807ms", "latency=nans",
            "latency=-1ms", "latency=61s", "latency=60001", "after-", "after-600", "5030",
        ])
    func badLatency(_ value: String) async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let response = try await client.call(.get, "/executions", headers: [Self.fault: value])
            #expect(response.status == .badRequest, "\(value): \(response.status)")
            #expect(response.error?.errors?.first?.parameter == "X-Sandbox-Fault")
        }
    }

    @Test(
        "--faults latencies are bounded when parsed",
        arguments: ["latency:1e300s", "latency:infs", "latency:61s", "latency:nanms"])
    func badSpec(_ text: String) {
        #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: text) }
    }

    @Test("the largest latency is accepted")
    func maxLatency() throws {
        #expect(try FaultSpec(parsing: "latency:60s").latencyMs == 60_000)
        #expect(try FaultSpec(parsing: "latency:1.5s").latencyMs == 1_500)
    }

    @Test("the fault header needs a valid key: auth comes first")
    func authBeforeFaults() async throws {
        let harness = try await Harness.make(executions: 1, apiKey: "right")
        try await harness.test { client in
            for value in ["503", "reset", "latency=50s", "latency=1e300s"] {
                let response = try await client.call(.get, "/executions", headers: [Self.fault: value], key: "wrong")
                #expect(response.status == .unauthorized, "\(value): \(response.status)")
                let none = try await client.call(.get, "/executions", headers: [Self.fault: value], key: nil)
                #expect(none.status == .unauthorized, "\(value): \(none.status)")
            }
            let keyed = try await client.call(.get, "/executions", headers: [Self.fault: "503"], key: "right")
            #expect(keyed.status == .serviceUnavailable)
        }
    }

    @Test(
        "a speed that would overflow the lifecycle is refused at start",
        arguments: [1e-300, 0, -1, .infinity, .nan, 1e300])
    func badSpeed(_ speed: Double) async throws {
        await #expect(throws: SandboxStartError.self) {
            _ = try await SandboxServices(.inMemory(executions: 0, speed: speed))
        }
    }

    @Test("run durations never overflow, whatever the speed")
    func shapeAnySpeed() {
        for speed in [1e-300, 0, -5, .nan, .infinity, 1e300, 1] {
            let shape = RunShape(index: 3, speed: speed)
            #expect(shape.startMillis >= 1 && shape.stepMillis >= 1)
        }
    }
}
