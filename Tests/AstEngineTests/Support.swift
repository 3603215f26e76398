import AstEngine
import Foundation

/// Sends through the real transport and counts what it sends (by method and path).
final class CountingTransport: AsteroidTransport, @unchecked Sendable {
    private let base = AsyncHTTPClientTransport()
    private let lock = NSLock()
    private var sent: [String] = []

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
        lock.withLock { sent.append("\(request.method) \(request.url.path)") }
        return try await base.send(request, timeout: timeout)
    }

    func shutdown() async throws { try await base.shutdown() }

    var requests: [String] { lock.withLock { sent } }
}

/// Collects what a script prints.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func write(_ text: String) { lock.withLock { lines.append(text) } }
    var text: String { lock.withLock { lines.joined() } }
}

/// Runs `body` with an engine on a fresh sandbox, then shuts it down.
func withSandbox<T>(
    _ options: EngineOptions = EngineOptions(), executions: Int = 60, transport: (any AsteroidTransport)? = nil,
    _ body: (Engine) async throws -> T
) async throws -> T {
    let engine = try await Engine.sandbox(options: options, executions: executions, seed: 7, transport: transport)
    do {
        let result = try await body(engine)
        await engine.shutdown()
        return result
    } catch {
        await engine.shutdown()
        throw error
    }
}

/// The error an evaluation throws (nil when it succeeds).
func failure(_ engine: Engine, _ source: String, cancellation: CancellationHandle? = nil) async -> ScriptError? {
    do {
        _ = try await engine.evaluate(source, cancellation: cancellation)
        return nil
    } catch {
        return error
    }
}

/// The error evaluating a file throws (nil when it succeeds).
func fileFailure(_ engine: Engine, _ path: String) async -> ScriptError? {
    do {
        _ = try await engine.evaluateFile(at: path)
        return nil
    } catch {
        return error
    }
}
