import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for `http` tests. Paths:
/// - `/echo`: 200 JSON `{method, path, body, header}` (`header`: the value of `X-Test`, the body as text);
/// - `/status/NNN`: that status with a short text body;
/// - `/flaky`: 503 (`Retry-After: 0`) on every odd request to it, 200 `{"ok":true}` on the even ones;
/// - `/text`: 200 `text/plain` `hello`.
final class EchoServer: @unchecked Sendable {
    private let server: LoopbackServer
    private let lock = NSLock()
    private var flakyCount = 0
    private(set) var requests: [String] = []

    var base: String { "http://127.0.0.1:\(port)" }

    var port: Int { server.port }

    init() throws {
        server = try LoopbackServer()
        server.start { [self] connection in answer(connection) }
    }

    func stop() { server.stop() }

    private func answer(_ connection: Int32) {
        let (head, body) = Self.read(connection)
        let lines = head.components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ").map(String.init)
        let method = parts.first ?? ""
        let path = parts.count > 1 ? String(parts[1].split(separator: "?", maxSplits: 1).first ?? "") : ""
        let header =
            lines.first { $0.lowercased().hasPrefix("x-test:") }.map {
                String($0.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            } ?? ""
        lock.withLock { requests.append("\(method) \(path)") }
        var status = 200
        var type = "application/json"
        var extra = ""
        var text = ""
        if path == "/echo" {
            text = #"{"method":"\#(method)","path":"\#(path)","header":"\#(header)","body":\#(Self.quote(body))}"#
        } else if path.hasPrefix("/status/") {
            status = Int(path.dropFirst(8)) ?? 500
            type = "text/plain"
            text = "custom failure text"
        } else if path == "/flaky" {
            let odd = lock.withLock { () -> Bool in
                flakyCount += 1
                return flakyCount % 2 == 1
            }
            if odd {
                status = 503
                extra = "Retry-After: 0\r\n"
                text = #"{"error":"busy"}"#
            } else {
                text = #"{"ok":true}"#
            }
        } else if path == "/text" {
            type = "text/plain"
            text = "hello"
        } else {
            status = 404
        }
        let response =
            "HTTP/1.1 \(status) X\r\nContent-Type: \(type)\r\nContent-Length: \(text.utf8.count)\r\n\(extra)"
            + "Connection: close\r\n\r\n" + text
        _ = response.utf8CString.withUnsafeBufferPointer { send(connection, $0.baseAddress, $0.count - 1, 0) }
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The head (up to the blank line) and a Content-Length body.
    static func read(_ connection: Int32) -> (String, String) {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        func headEnd() -> Int? {
            guard received.count >= 4 else { return nil }
            for i in 0...(received.count - 4) where received[i..<i + 4].elementsEqual("\r\n\r\n".utf8) { return i }
            return nil
        }
        while headEnd() == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return ("", "") }
            received += buffer[0..<count]
        }
        let end = headEnd() ?? 0
        let head = String(decoding: received[0..<end], as: UTF8.self)
        let length =
            head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
        while received.count - end - 4 < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return (head, String(decoding: received[(end + 4)...], as: UTF8.self))
    }
}
