import AsteroidModels
import Foundation

@testable import AsteroidClient

/// An in-memory transport: answers each request with a scripted handler and records what was sent.
final class FakeTransport: AsteroidTransport, @unchecked Sendable {
    typealias Handler = @Sendable (TransportRequest, Int) async throws(TransportFailure) -> TransportResponse

    private let lock = NSLock()
    private var _requests: [TransportRequest] = []
    private var _timeouts: [Duration] = []
    private let handler: Handler

    /// `handler` gets the request and its 1-based number among all requests sent.
    init(_ handler: @escaping Handler) { self.handler = handler }

    /// Answers every request with the same response.
    convenience init(status: Int = 200, json: String, headers: [(name: String, value: String)] = []) {
        let response = TransportResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(json.utf8))
        self.init { _, _ throws(TransportFailure) in response }
    }

    /// Answers request N with `responses[N-1]` (the last one repeats).
    convenience init(sequence responses: [Result<TransportResponse, TransportFailure>]) {
        self.init { _, number throws(TransportFailure) in
            let index = min(number, responses.count) - 1
            return try responses[index].get()
        }
    }

    var requests: [TransportRequest] { lock.withLock { _requests } }
    var timeouts: [Duration] { lock.withLock { _timeouts } }
    var last: TransportRequest? { requests.last }

    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
        let number = lock.withLock {
            _requests.append(request)
            _timeouts.append(timeout)
            return _requests.count
        }
        return try await handler(request, number)
    }
}

enum Fixture {
    static let id = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    static let otherId = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
    static let key = "sk-test-SECRET-4242"

    static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> TransportResponse
    {
        TransportResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> TransportResponse
    {
        TransportResponse(status: status, headers: [("Content-Type", "text/plain")] + headers, body: Data(text.utf8))
    }

    static func execution(_ id: String, status: String = "completed", parent: String? = nil) -> String {
        """
        {"id":"\(id)","agentId":"\(otherId)","workflowId":"\(otherId)","status":"\(status)",\
        "createdAt":"2025-01-02T03:04:05Z","organizationId":"\(otherId)","agentName":"a","humanLabels":[],\
        "comments":[],"hasBeenRerun":false\(parent.map { ",\"parentExecutionId\":\"\($0)\"" } ?? "")}
        """
    }

    /// A client on `transport` that records retry waits in `waits` instead of sleeping.
    static func client(
        _ transport: FakeTransport, configure: (inout ClientConfiguration) -> Void = { _ in },
        waits: WaitRecorder = WaitRecorder()
    ) -> AsteroidClient {
        var configuration = ClientConfiguration(
            baseURL: URL(string: "https://api.test/agents/v2")!, apiKey: key)
        configure(&configuration)
        return AsteroidClient(configuration: configuration, transport: transport) { duration in
            waits.record(duration)
        }
    }
}

/// Records what a sleeper was asked to wait, and the log lines a client wrote.
final class WaitRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _waits: [Duration] = []
    func record(_ duration: Duration) { lock.withLock { _waits.append(duration) } }
    var waits: [Duration] { lock.withLock { _waits } }
}

final class LineRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    func append(_ line: String) { lock.withLock { _lines.append(line) } }
    var lines: [String] { lock.withLock { _lines } }
}

extension TransportRequest {
    var path: String { url.path }
    var bodyJSON: JSONValue? {
        body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
    }
    var queryNames: [String] { queryItems.map(\.name) }
    func values(_ name: String) -> [String] { queryItems.filter { $0.name == name }.map(\.value) }
}

/// Runs `body` and returns the `AsteroidError` it throws (or nil).
func catchAsteroid<T>(_ body: () async throws -> T) async -> AsteroidError? {
    do {
        _ = try await body()
        return nil
    } catch let error as AsteroidError {
        return error
    } catch {
        return nil
    }
}
