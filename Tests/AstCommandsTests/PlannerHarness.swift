import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import AsteroidSandbox
import Foundation

/// A frozen sandbox (manual clock: nothing changes between two runs) behind a ``FilterTransport`` that records
/// the requests, optionally dropping query parameters (a server that does not know them).
final class PlannerHarness: Sendable {
    let server: SandboxServer
    let transport: FilterTransport

    private init(server: SandboxServer, strip: Set<String>) {
        self.server = server
        self.transport = FilterTransport(stripping: strip)
    }

    static func start(seed: UInt64 = 11, executions: Int = 300, stripping strip: Set<String> = []) async throws
        -> PlannerHarness
    {
        let server = try await SandboxServer.start(.inMemory(seed: seed, executions: executions, clock: ManualClock()))
        return PlannerHarness(server: server, strip: strip)
    }

    /// The query items of each `GET /executions` since the last `reset()`.
    var listQueries: [[(name: String, value: String)]] { transport.listQueries }

    func reset() { transport.reset() }

    /// Runs a program in a fresh session: stdout, stderr (with the diagnostic) and exit code.
    func run(_ text: String, pushdown: Bool = true, dryRun: Bool = false) async -> (
        out: String, err: String, code: Int32
    ) {
        await transport.run(text, baseURL: server.baseURL, pushdown: pushdown, dryRun: dryRun)
    }

    /// Every execution, straight from the client.
    func executions() async throws -> [Execution] {
        let client = AsteroidClient(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"),
            transport: AsyncHTTPClientTransport())
        defer { Task { try? await client.shutdown() } }
        return try await client.listExecutions(ListExecutionsQuery()).collect()
    }

    func stop() async {
        try? await transport.shutdown()
        await server.stop()
    }
}
