import AsteroidModels
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A running sandbox.
///
/// ```swift
/// let sandbox = try await SandboxServer.start(.inMemory(executions: 50, speed: 100))
/// // sandbox.baseURL == http://127.0.0.1:PORT/agents/v2
/// await sandbox.stop()
/// ```
public final class SandboxServer: Sendable {
    /// `http://HOST:PORT/agents/v2`: the base URL a client uses (the Python SDK takes `http://HOST:PORT`).
    public let baseURL: URL
    /// The bound port (the free port picked when the config asked for port 0).
    public let port: Int
    /// How long seeding took on this start (nil when the database already held data).
    public let seedingSeconds: Double?
    let services: SandboxServices
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(baseURL: URL, port: Int, services: SandboxServices, group: ServiceGroup, task: Task<Void, any Error>) {
        self.baseURL = baseURL
        self.port = port
        self.services = services
        self.group = group
        self.task = task
        seedingSeconds = services.seedingSeconds
    }

    /// Opens the database (seeding it if empty), binds `config.host:config.port` (port 0 = a free port)
    /// and returns once the server accepts connections.
    public static func start(_ config: SandboxConfig = .inMemory()) async throws -> SandboxServer {
        var logger = Logger(label: "ast.sandbox")
        // In-process sandboxes (tests, `ast --sandbox`) stay quiet unless asked to log requests.
        logger.logLevel = config.logRequests ? .info : .warning
        let services = try await SandboxServices(config, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(services: services) { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: services.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var bound: Int?
        for await port in ports {
            bound = port
            break
        }
        guard let port = bound, port > 0 else {
            task.cancel()
            if case .failure(let error) = await task.result { throw error }
            throw SandboxStartError(message: "the sandbox could not bind \(config.host):\(config.port)")
        }
        let host = config.host.contains(":") ? "[\(config.host)]" : config.host
        guard let url = URL(string: "http://\(host):\(port)/agents/v2") else {
            task.cancel()
            throw SandboxStartError(message: "cannot form a URL for host \(config.host)")
        }
        return SandboxServer(baseURL: url, port: port, services: services, group: group, task: task)
    }

    /// Stops serving and waits for the server to end: pending long-polls and injected latencies end at
    /// once (a long-poll answers 202 with the current status), then requests in flight finish.
    public func stop() async {
        services.notifier.shutDown()
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// For tests on a `ManualClock`: runs every lifecycle tick due at the clock's time. Returns the count.
    @discardableResult
    public func runDueWork() async throws -> Int { try await services.runDueWork() }

    /// Ends a `reruns-STATUS:DURATION` outage now, however long it was to last (a test that must be sure the
    /// outage covers a slow step gives it the 60 s maximum, then ends it when that step is done).
    public func endRerunOutage() { services.faults.endRerunOutage() }

    /// Serves in the foreground until SIGINT or SIGTERM (what `ast sandbox` does). `onStart` receives the
    /// base URL once the server accepts connections.
    public static func serve(
        _ config: SandboxConfig, logger: Logger = Logger(label: "ast.sandbox"),
        onStart: @escaping @Sendable (URL, Double?) -> Void = { _, _ in }
    ) async throws {
        let services = try await SandboxServices(config, logger: logger)
        let host = config.host.contains(":") ? "[\(config.host)]" : config.host
        let seeding = services.seedingSeconds
        let app = buildApplication(services: services) { port in
            if let url = URL(string: "http://\(host):\(port)/agents/v2") { onStart(url, seeding) }
        }
        // The signals are handled here rather than by the service group, so that waits end before the
        // graceful shutdown starts waiting for the requests in flight (a 25 s long-poll would hold it).
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                services.notifier.shutDown()
                Task { await group.triggerGracefulShutdown() }
            }
            source.resume()
            return source
        }
        defer { for source in sources { source.cancel() } }
        try await group.run()
    }
}

public struct SandboxStartError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
