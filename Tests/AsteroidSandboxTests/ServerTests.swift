import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("in-process server over real HTTP")
struct ServerTests {
    @Test("start on a free port, serve, run the lifecycle on its own, stop")
    func startStop() async throws {
        let sandbox = try await SandboxServer.start(.inMemory(executions: 12, speed: 1000))
        #expect(sandbox.port > 0)
        #expect(sandbox.baseURL.absoluteString == "http://127.0.0.1:\(sandbox.port)/agents/v2")
        func request(_ path: String, method: String = "GET", body: String? = nil) async throws -> (Int, Data) {
            var request = URLRequest(url: try #require(URL(string: sandbox.baseURL.absoluteString + "/" + path)))
            request.httpMethod = method
            request.setValue("k", forHTTPHeaderField: "X-Api-Key")
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }
        let decoder = AsteroidJSON.makeDecoder()
        let (status, data) = try await request("executions")
        #expect(status == 200)
        #expect(try decoder.decode(Page<Execution>.self, from: data).total == 12)
        let agents = try decoder.decode(Page<Agent>.self, from: try await request("agents").1)
        let agent = try #require(agents.items.first)
        let (accepted, created) = try await request("agents/\(agent.id)/execute", method: "POST", body: "{}")
        #expect(accepted == 202)
        let id = try decoder.decode(ExecuteResponse.self, from: created).executionId
        // The lifecycle runs on its own at speed 1000 (a run takes < 25 ms); sync waits for it, event-driven.
        let (synced, result) = try await request("executions/\(id)/sync?timeoutSeconds=25")
        #expect(synced == 200)
        #expect(try decoder.decode(SyncResponse.self, from: result).status.isTerminal)
        await sandbox.stop()
        await #expect(throws: (any Error).self) { _ = try await request("executions") }
    }

    @Test("two sandboxes run side by side")
    func twoAtOnce() async throws {
        let a = try await SandboxServer.start(.inMemory(executions: 1))
        let b = try await SandboxServer.start(.inMemory(executions: 1))
        #expect(a.port != b.port)
        await a.stop()
        await b.stop()
    }

    @Test("default database path follows XDG_DATA_HOME")
    func defaultPath() {
        #expect(SandboxConfig.defaultDatabasePath(environment: ["XDG_DATA_HOME": "/x"]) == "/x/ast/sandbox.sqlite")
        #expect(SandboxConfig.defaultDatabasePath(environment: ["HOME": "/h"]) == "/h/.local/share/ast/sandbox.sqlite")
    }
}
