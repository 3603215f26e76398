import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers every request with one execution (and closes the
/// connection), noting when each request arrived: to check that a process sends nothing after a signal.
final class RecordingServer: @unchecked Sendable {
    static let executionId = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    static let body = """
        {"id":"\(executionId)","agentId":"\(executionId)","workflowId":"\(executionId)","status":"completed",\
        "createdAt":"2025-01-02T03:04:05Z","organizationId":"\(executionId)","agentName":"a","humanLabels":[],\
        "comments":[],"hasBeenRerun":false}
        """

    private let server: LoopbackServer
    private let lock = NSLock()
    private var arrivals: [ContinuousClock.Instant] = []

    var baseURL: String { "http://127.0.0.1:\(port)/agents/v2" }
    var arrivalTimes: [ContinuousClock.Instant] { lock.withLock { arrivals } }

    var port: Int { server.port }

    init() throws {
        server = try LoopbackServer()
        server.start { [self] connection in answer(connection) }
    }

    func stop() { server.stop() }

    private func answer(_ connection: Int32) {
        let response =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(Self.body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n" + Self.body
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.suffix(4).elementsEqual("\r\n\r\n".utf8) {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        if !received.isEmpty { lock.withLock { arrivals.append(.now) } }
        _ = response.utf8CString.withUnsafeBufferPointer { send(connection, $0.baseAddress, $0.count - 1, 0) }
    }
}
