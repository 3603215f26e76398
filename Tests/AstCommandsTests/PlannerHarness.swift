import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import AsteroidSandbox
import Foundation

/// A frozen sandbox (manual clock: nothing changes between two runs) and a transport that counts and
/// records the requests, optionally dropping query parameters (a server that does not know them).
final class PlannerHarness: AsteroidTransport, @unchecked Sendable {
    let server: SandboxServer
    private let base = AsyncHTTPClientTransport()
    private let lock = NSLock()
    private var sent: [TransportRequest] = []
    private let strip: Set<String>

    private init(server: SandboxServer, strip: Set<String>) {
        self.server = server
        self.strip = strip
    }

    static func start(seed: UInt64 = 11, executions: Int = 300, stripping strip: Set<String> = []) async throws
        -> PlannerHarness
    {
        let server = try await SandboxServer.start(.inMemory(seed: seed, executions: executions, clock: ManualClock()))
        return PlannerHarness(server: server, strip: strip)
    }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
        var request = request
        if !strip.isEmpty, var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false),
            let items = components.queryItems
        {
            components.queryItems = items.filter { !strip.contains($0.name) }
            if let url = components.url { request.url = url }
        }
        let recorded = request
        lock.withLock { sent.append(recorded) }
        return try await base.send(request, timeout: timeout)
    }

    func shutdown() async throws { try await base.shutdown() }

    /// The query items of each `GET /executions` since the last `reset()`.
    var listQueries: [[(name: String, value: String)]] {
        lock.withLock { sent }.filter { $0.method == "GET" && $0.url.path.hasSuffix("/executions") }.map(\.queryItems)
    }

    func reset() { lock.withLock { sent = [] } }

    /// A session on this server, pushdown on or off.
    func session(pushdown: Bool = true, dryRun: Bool = false) -> (Session, BufferedOutput) {
        let api = APIService(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"), transport: self)
        let output = BufferedOutput()
        var settings = Settings()
        settings.pushdown = pushdown
        settings.dryRun = dryRun
        return (Session(api: api, output: output, settings: settings, environment: [:]), output)
    }

    /// Runs a program in a fresh session: stdout, stderr (with the diagnostic) and exit code.
    func run(_ text: String, pushdown: Bool = true, dryRun: Bool = false) async -> (
        out: String, err: String, code: Int32
    ) {
        let (session, output) = session(pushdown: pushdown, dryRun: dryRun)
        let outcome = await session.interpreter.run(SourceFile(name: "t", text: text))
        var err = output.stderr
        if case .failed(let diagnostic) = outcome { err += DiagnosticRenderer().render(diagnostic) + "\n" }
        if case .invalid(let diagnostics, _) = outcome { err += DiagnosticRenderer().render(diagnostics) + "\n" }
        return (output.stdout, err, outcome.exitCode)
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
        try? await base.shutdown()
        await server.stop()
    }
}
