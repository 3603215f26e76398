import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation

/// A session on a sandbox of its own (changes made there disturb no other test), over a transport the test
/// controls: what tests of bulk changes, paging and watch use.
struct SandboxSession<Transport: AsteroidTransport> {
    let server: SandboxServer
    let transport: Transport
    let api: APIService
    let output: BufferedOutput
    let session: Session

    static func start(_ config: SandboxConfig, transport: Transport) async throws -> SandboxSession {
        let server = try await SandboxServer.start(config)
        let api = APIService(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"), transport: transport)
        let output = BufferedOutput()
        return SandboxSession(
            server: server, transport: transport, api: api, output: output,
            session: Session(api: api, output: output, environment: [:]))
    }

    func run(_ text: String) async -> RunOutcome {
        await session.interpreter.run(SourceFile(name: "t", text: text))
    }

    /// A value computed by the session, as compact JSON text.
    func json(_ expression: String) async -> String {
        let before = output.stdout.count
        _ = await run("print (\(expression) | json -c)")
        return String(output.stdout.dropFirst(before)).trimmingCharacters(in: .newlines)
    }

    func stop() async {
        await api.shutdown()
        await server.stop()
    }
}
