import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 12: bytes that are not HTTP were answered with an empty 400; now with the API's JSON error.
@Suite("requests that are not HTTP")
struct WireParseErrorTests {
    /// Sends `bytes` on a fresh connection to 127.0.0.1:`port` and reads until the server closes it.
    static func exchange(_ bytes: String, port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        #expect(connected == 0)
        _ = Array(bytes.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test(
        "a malformed request line or header block gets a JSON 400",
        arguments: [
            "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "GET /\u{1} HTTP/9.9\r\n\r\n",
        ])
    func notHTTP(_ bytes: String) async throws {
        let sandbox = try await SandboxServer.start(.inMemory(executions: 1, clock: ManualClock()))
        let port = sandbox.port
        // Blocking socket calls on a thread of their own: the cooperative pool must stay free to serve.
        let response = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try Self.exchange(bytes, port: port) }) }.start()
        }
        await sandbox.stop()
        #expect(response.hasPrefix("HTTP/1.1 400"), "\(response)")
        let body = try #require(response.components(separatedBy: "\r\n\r\n").last)
        let error = try AsteroidJSON.makeDecoder().decode(ErrorBody.self, from: Data(body.utf8))
        #expect(error.code == 400 && error.errors?.first?.parameter == "request")
    }
}
