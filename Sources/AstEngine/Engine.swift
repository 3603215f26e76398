import AstBuiltins
import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation

/// The language, hosted by a Swift program: evaluates scripts against the Asteroid Agents API (or an
/// in-process sandbox) and returns their results as ``Value``s or decoded Swift values.
///
/// An engine is one session, like one `ast` run: `def`s, `let`s and bindings persist from one evaluation
/// to the next. Run one evaluation at a time on an engine; for concurrent work (a server's requests),
/// give each its own with ``spawn(options:)``, which shares the API connection.
public final class Engine: Sendable {
    /// The options this engine was made with.
    public let options: EngineOptions
    let connection: Connection
    let registry: Registry
    let session: Session
    let bindings = Bindings()

    /// An engine on the API `configuration` names (its key is never printed). `transport`: how requests
    /// are sent (default: AsyncHTTPClient; tests pass one that counts or fails).
    public convenience init(
        configuration: ClientConfiguration, options: EngineOptions = EngineOptions(),
        transport: (any AsteroidTransport)? = nil
    ) {
        let api = APIService(configuration: configuration, transport: transport ?? AsyncHTTPClientTransport())
        self.init(connection: Connection(api: api, sandbox: nil, owner: true), options: options)
    }

    /// An engine on a fresh in-process sandbox (in memory, on a loopback port, seeded with `executions`
    /// executions from `seed`); ``shutdown()`` stops it.
    public static func sandbox(
        options: EngineOptions = EngineOptions(), executions: Int = 500, seed: UInt64 = 1,
        transport: (any AsteroidTransport)? = nil
    ) async throws -> Engine {
        let server = try await SandboxServer.start(.inMemory(seed: seed, executions: executions))
        var configuration = ClientConfiguration(baseURL: server.baseURL, apiKey: "sandbox")
        configuration.retry = RetryPolicy()
        let api = APIService(configuration: configuration, transport: transport ?? AsyncHTTPClientTransport())
        return Engine(connection: Connection(api: api, sandbox: server, owner: true), options: options)
    }

    init(connection: Connection, options: EngineOptions) {
        self.connection = connection
        self.options = options
        registry = Self.registry(for: options)
        session = Self.makeSession(connection: connection, options: options, registry: registry)
    }

    /// A new engine on the same API connection (and sandbox): its own session, commands and capabilities.
    /// Only the engine that opened the connection closes it (``shutdown()`` on a spawned one does nothing).
    public func spawn(options: EngineOptions? = nil) -> Engine {
        Engine(
            connection: Connection(api: connection.api, sandbox: connection.sandbox, owner: false),
            options: options ?? self.options)
    }

    /// Closes the API connection and stops the sandbox this engine started.
    public func shutdown() async {
        guard connection.owner else { return }
        await connection.api.shutdown()
        await connection.sandbox?.stop()
    }

    /// The API base URL (the sandbox's loopback URL for ``sandbox(options:executions:seed:transport:)``).
    public var baseURL: URL { connection.api.client.configuration.baseURL }

    /// Every command scripts can call, host commands included, sorted.
    public var commandNames: [String] { registry.names }

    /// Binds a script variable (`$name`) to a Swift value, through its JSON form.
    public func bind(_ name: String, to swiftValue: some Encodable) throws {
        bind(name, value: try Value(encoding: swiftValue))
    }

    /// Binds a script variable (`$name`) to a value.
    public func bind(_ name: String, value: Value) {
        bindings.set(name, value)
        session.interpreter.globals.define(name, value.runtime)
    }

    // MARK: setup (the executable's: Session over APIService over the client)

    struct Connection: Sendable {
        let api: APIService
        let sandbox: SandboxServer?
        let owner: Bool
    }

    /// The language's commands, less the removed ones, plus the host's, with denied effects refused.
    static func registry(for options: EngineOptions) -> Registry {
        let denied = Set(Effect.allCases).subtracting(options.capabilities.effects)
        return APICommands.registry.removing(options.removedCommands)
            .merging(options.commands.map(HostCommandAdapter.init))
            .refusing(denied, reason: Capabilities.refusal)
    }

    static func makeSession(
        connection: Connection, options: EngineOptions, registry: Registry,
        confirmer: (@Sendable (String) async -> Bool)? = nil, progressDisplay: (any ProgressDisplay)? = nil,
        interactive: Bool = false
    ) -> Session {
        var settings = Settings()
        settings.dryRun = options.dryRun
        settings.interactive = interactive
        settings.terminalOutput = interactive
        return Session(
            api: connection.api, output: CallbackOutput(write: options.output), settings: settings,
            confirmer: confirmer, arguments: options.arguments, environment: options.environment,
            progressDisplay: progressDisplay, registry: registry)
    }
}

/// The variables a host bound, kept so a prompt started later sees them too.
final class Bindings: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [(String, Value)] = []
    func set(_ name: String, _ value: Value) {
        lock.withLock {
            values.removeAll { $0.0 == name }
            values.append((name, value))
        }
    }
    var all: [(String, Value)] { lock.withLock { values } }
}

/// `print` output to the host's closure (or nowhere).
struct CallbackOutput: OutputSink {
    let write: (@Sendable (String) -> Void)?
    func write(_ text: String) { write?(text) }
    func writeError(_ text: String) { write?(text) }
}
