import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation

/// A transport double in front of the shared in-process sandbox: it drops the named query parameters
/// from every request (a server that does not know them) and records what was sent.
final class FilterTransport: AsteroidTransport, @unchecked Sendable {
    private let base = AsyncHTTPClientTransport()
    private let strip: Set<String>
    private let lock = NSLock()
    private var sent: [TransportRequest] = []

    init(stripping strip: Set<String> = []) { self.strip = strip }

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

    var requests: [TransportRequest] { lock.withLock { sent } }
    /// Requests whose method is not GET (changes).
    var writes: [TransportRequest] { requests.filter { $0.method != "GET" } }
    /// The query items of every `GET /executions` (the list), as sent on.
    var listQueries: [[(name: String, value: String)]] {
        requests.filter { $0.method == "GET" && $0.url.path.hasSuffix("/executions") }.map(\.queryItems)
    }

    /// Forgets the requests sent so far.
    func reset() { lock.withLock { sent = [] } }

    /// A session on this transport against `baseURL` (as `ast --yes` would make), pushdown on or off.
    func session(baseURL: URL, pushdown: Bool = true, dryRun: Bool = false) -> (Session, BufferedOutput) {
        let api = APIService(configuration: ClientConfiguration(baseURL: baseURL, apiKey: "test-key"), transport: self)
        let output = BufferedOutput()
        var settings = Settings()
        settings.pushdown = pushdown
        settings.dryRun = dryRun
        return (Session(api: api, output: output, settings: settings, environment: [:]), output)
    }

    /// Runs a program in a fresh session against `baseURL`: stdout, stderr (with the diagnostic) and exit code.
    func run(_ text: String, baseURL: URL, pushdown: Bool = true, dryRun: Bool = false) async -> (
        out: String, err: String, code: Int32
    ) {
        let (session, output) = session(baseURL: baseURL, pushdown: pushdown, dryRun: dryRun)
        let outcome = await session.interpreter.run(SourceFile(name: "t", text: text))
        var err = output.stderr
        if case .failed(let diagnostic) = outcome { err += DiagnosticRenderer().render(diagnostic) + "\n" }
        if case .invalid(let diagnostics, _) = outcome { err += DiagnosticRenderer().render(diagnostics) + "\n" }
        return (output.stdout, err, outcome.exitCode)
    }

    /// Runs a program in a fresh session against the shared in-process sandbox (as `ast --sandbox --yes` would).
    func run(_ text: String, dryRun: Bool = false) async throws -> (out: String, err: String, code: Int32) {
        await run(text, baseURL: try await SharedSandbox.shared.baseURL(), dryRun: dryRun)
    }
}
