import AsteroidModels
import Foundation

/// The typed Asteroid Agents API v2 client.
///
/// Every operation is an `async throws` method with typed input and output that throws only
/// `AsteroidError`. Requests pass through validation (nothing invalid is sent), dry-run, auth, the
/// request log (key redacted) and retry (see `RetryPolicy`) down to an `AsteroidTransport`. Cancelling the
/// calling Swift task cancels the request in flight.
///
/// ```swift
/// let client = try AsteroidClient(configuration: .fromEnvironment())
/// defer { Task { try? await client.shutdown() } }
/// for try await execution in client.listExecutions(.init(status: [.failed])) { print(execution.id) }
/// ```
public final class AsteroidClient: Sendable {
    public let configuration: ClientConfiguration
    let transport: any AsteroidTransport
    let sleeper: @Sendable (Duration) async throws -> Void
    let redactor: Redactor
    /// Shared by every request of this client: closed for a while after a 429 (see `RetryGate`).
    let gate = RetryGate()
    /// Why the configured key cannot be sent (see `ClientConfiguration.keyProblem`): every operation then
    /// fails before sending anything, dry runs included.
    let keyProblem: String?

    /// A client on the real network transport: the process-wide `AsyncHTTPClientTransport.shared`
    /// (AsyncHTTPClient, pooled keep-alive connections, redirects not followed). Creating many clients is
    /// cheap; they share connections, and `shutdown()` is optional for them.
    public convenience init(configuration: ClientConfiguration) {
        self.init(configuration: configuration, transport: AsyncHTTPClientTransport.shared)
    }

    /// A client on any transport (tests use an in-memory one).
    public convenience init(configuration: ClientConfiguration, transport: any AsteroidTransport) {
        self.init(configuration: configuration, transport: transport, sleeper: { try await Task.sleep(for: $0) })
    }

    /// `sleeper` waits between retries; tests pass one that records the waits instead of sleeping.
    init(
        configuration: ClientConfiguration, transport: any AsteroidTransport,
        sleeper: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleeper = sleeper
        self.redactor = Redactor(apiKeyHeader: configuration.apiKeyHeader, apiKey: configuration.apiKey)
        self.keyProblem = configuration.apiKey.flatMap { ClientConfiguration.keyProblem($0) }
    }

    /// Shuts the transport down (a no-op on the shared one). A client on its own transport is unusable
    /// afterwards.
    public func shutdown() async throws {
        try await transport.shutdown()
    }
}
