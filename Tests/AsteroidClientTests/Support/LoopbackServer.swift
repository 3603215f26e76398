import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 over real TCP, for exercising the real transport.
///
/// Each connection is read up to the end of its request (headers plus `Content-Length` body), then the
/// handler decides: answer with raw bytes and close, close without answering, or hold the connection
/// open and silent (until `stop()`).
final class LoopbackServer: @unchecked Sendable {
    enum Action: Sendable {
        case respond(String)
        case close
        case silent
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private var _requests: [String] = []
    private let handler: @Sendable (String) -> Action

    var requests: [String] { lock.withLock { _requests } }
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/agents/v2")! }

    init(_ handler: @escaping @Sendable (String) -> Action) throws {
        self.handler = handler
        (listener, port) = try Self.bindLoopback()
        guard listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A port on which nothing listens (bound, then closed): connecting is refused.
    static func closedPort() throws -> Int {
        let (socket, port) = try bindLoopback()
        close(socket)
        return port
    }

    static func response(_ status: Int, _ body: String, headers: [String] = ["Content-Type: application/json"])
        -> Action
    {
        let head = (["HTTP/1.1 \(status) X"] + headers + ["Content-Length: \(body.utf8.count)", "Connection: close"])
        return .respond(head.joined(separator: "\r\n") + "\r\n\r\n" + body)
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.withLock {
            for fd in held { close(fd) }
            held.removeAll()
        }
    }

    private static func bindLoopback() throws -> (Int32, Int) {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let request = readRequest(connection)
            lock.withLock { _requests.append(request) }
            switch handler(request) {
            case .respond(let text):
                _ = text.utf8CString.withUnsafeBufferPointer { send(connection, $0.baseAddress, $0.count - 1, 0) }
                close(connection)
            case .close:
                close(connection)
            case .silent:
                lock.withLock { held.append(connection) }
            }
        }
    }

    private func readRequest(_ connection: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
            let text = String(decoding: data, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let head = text[..<end.lowerBound].lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if text.utf8.count - text[..<end.upperBound].utf8.count >= length { break }
        }
        return String(decoding: data, as: UTF8.self)
    }
}
