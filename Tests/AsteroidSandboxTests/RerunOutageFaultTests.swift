import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("--faults reruns-STATUS:DURATION: a rerun outage from the server's start")
struct RerunOutageFaultTests {
    @Test("parses a status and a duration; rejects a non-error status, a long or malformed duration")
    func parsing() throws {
        let spec = try FaultSpec(parsing: "reruns-503:5s,latency:10ms")
        #expect(spec.rerunOutage == FaultSpec.RerunOutage(status: 503, ms: 5000))
        #expect(!spec.isEmpty)
        #expect(try FaultSpec(parsing: "reruns-400:250ms").rerunOutage?.ms == 250)
        for bad in ["reruns-200:5s", "reruns-503:2m", "reruns-503:-1s", "reruns-reset:1s", "reruns-503:61s"] {
            #expect(throws: FaultSpecError.self, "\(bad)") { try FaultSpec(parsing: bad) }
        }
    }

    @Test("reruns are refused with the status during the outage; endRerunOutage ends it at once")
    func endedEarly() async throws {
        let faults = try FaultSpec(parsing: "reruns-503:60s")
        let sandbox = try await SandboxServer.start(.inMemory(executions: 12, speed: 1000, faults: faults))
        func rerun(_ id: String) async throws -> Int {
            let url = try #require(URL(string: sandbox.baseURL.absoluteString + "/executions/\(id)/rerun"))
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("k", forHTTPHeaderField: "X-Api-Key")
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        var list = URLRequest(url: sandbox.baseURL.appendingPathComponent("executions"))
        list.setValue("k", forHTTPHeaderField: "X-Api-Key")
        let page = try AsteroidJSON.makeDecoder().decode(
            Page<Execution>.self, from: try await URLSession.shared.data(for: list).0)
        let done = try #require(page.items.first { $0.status.isTerminal })
        #expect(try await rerun(done.id) == 503)
        sandbox.endRerunOutage()
        #expect(try await rerun(done.id) == 202)
        await sandbox.stop()
    }
}
