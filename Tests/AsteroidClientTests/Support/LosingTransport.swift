import AsteroidModels
import AsteroidSandbox
import Foundation

@testable import AsteroidClient

/// The real transport to an in-process sandbox, with planned losses: the next request whose method and
/// path suffix match a planned fault gets it (each fault is used once), every other request goes through.
final class LosingTransport: AsteroidTransport, @unchecked Sendable {
    enum Fault: Sendable {
        /// Delivered to the server, then the connection "drops": the answer is lost.
        case loseAnswer
        /// Delivered, then a gateway answers this status instead of the server's answer.
        case replaceAnswer(Int)
        /// Never delivered, but it looks like it may have been (a dropped connection).
        case dropRequest
        /// Never delivered; this status comes back (a proxy or a fault before the handler).
        case refuse(Int)
    }

    private let inner: any AsteroidTransport
    private let lock = NSLock()
    private var planned: [(method: String, suffix: String, fault: Fault)] = []
    private var _sent: [String] = []

    init(_ inner: any AsteroidTransport = AsyncHTTPClientTransport.shared) { self.inner = inner }

    func plan(_ method: String, _ suffix: String, _ fault: Fault) {
        lock.withLock { planned.append((method, suffix, fault)) }
    }

    /// `POST /agents/v2/executions/…/rerun` for every request, in order (faulted ones included).
    var sent: [String] { lock.withLock { _sent } }
    func count(_ method: String, _ suffix: String) -> Int {
        sent.filter { $0.hasPrefix(method + " ") && $0.hasSuffix(suffix) }.count
    }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
        let path = request.url.path
        let fault: Fault? = lock.withLock {
            _sent.append("\(request.method) \(path)")
            guard let index = planned.firstIndex(where: { $0.method == request.method && path.hasSuffix($0.suffix) })
            else { return nil }
            return planned.remove(at: index).fault
        }
        let lost = TransportFailure(.connectionLost, requestMayHaveBeenSent: true, detail: "connection reset (test)")
        switch fault {
        case nil:
            return try await inner.send(request, timeout: timeout)
        case .loseAnswer:
            _ = try await inner.send(request, timeout: timeout)
            throw lost
        case .replaceAnswer(let status):
            _ = try await inner.send(request, timeout: timeout)
            return Fixture.text(status, "gateway")
        case .dropRequest:
            throw lost
        case .refuse(let status):
            return Fixture.json(status, #"{"code":\#(status),"message":"injected"}"#)
        }
    }
}

/// A sandbox and a client on a `LosingTransport` to it; stops the sandbox afterwards.
func withLosingSandbox(
    executions: Int = 40, _ body: (AsteroidClient, LosingTransport) async throws -> Void
) async throws {
    let key = "reconcile-test-key"
    let sandbox = try await SandboxServer.start(.inMemory(executions: executions, speed: 20, apiKey: key))
    let transport = LosingTransport()
    let client = AsteroidClient(
        configuration: ClientConfiguration(
            baseURL: sandbox.baseURL, apiKey: key, retry: RetryPolicy(baseDelay: .milliseconds(5))),
        transport: transport)
    do {
        try await body(client, transport)
    } catch {
        await sandbox.stop()
        throw error
    }
    await sandbox.stop()
}
