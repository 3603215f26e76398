import AsteroidClient
import AsteroidSandbox
import Foundation
import Testing

// Only `AsteroidClient` is imported for the example: the models come with it (re-exported).

/// The docs/client.md example, verbatim apart from `environment` and collecting lines instead of printing.
func docsExample(environment: [String: String]) async throws -> [String] {
    let client = AsteroidClient(configuration: try .fromEnvironment(environment))  // ASTEROID_API_KEY, ASTEROID_BASE_URL

    var lines: [String] = []
    var failed = ListExecutionsQuery()
    failed.status = [.failed]
    for try await execution in client.listExecutions(failed).prefix(2) {  // pages fetched lazily, 100 per request
        let rerun = try await client.rerun(execution.id)
        let done = try await client.waitUntilTerminal(rerun.executionId)  // long-polls GET /executions/{id}/sync
        lines.append("\(execution.id) → \(rerun.executionId) \(done.status)")
    }
    return lines
}

@Suite("docs/client.md example")
struct DocsExampleTests {
    @Test("runs against the sandbox with only the environment for configuration")
    func example() async throws {
        let sandbox = try await SandboxServer.start(.inMemory(executions: 40, speed: 200, apiKey: "docs-key"))
        let lines = try await docsExample(environment: [
            "ASTEROID_API_KEY": "docs-key", "ASTEROID_BASE_URL": sandbox.baseURL.absoluteString + "/",
        ])
        await sandbox.stop()
        #expect(lines.count == 2)
        #expect(
            lines.allSatisfy { $0.hasSuffix(" completed") || $0.hasSuffix(" failed") || $0.hasSuffix(" cancelled") })
    }
}
