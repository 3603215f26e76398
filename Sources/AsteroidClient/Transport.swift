import Foundation

/// One HTTP request as the transport sees it: fully built, authenticated, ready for the wire.
public struct TransportRequest: Sendable {
    public var method: String
    public var url: URL
    /// In sending order; names are case-insensitive on the wire.
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matching the name case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.equal($0.name, name) }?.value
    }

    /// The query items of `url`, in order, percent-decoded (repeated keys stay repeated).
    public var queryItems: [(name: String, value: String)] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return items.map { ($0.name, $0.value ?? "") }
    }
}

/// One HTTP response: status, headers and the whole body.
public struct TransportResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { HeaderName.equal($0.name, name) }?.value
    }
}

/// HTTP header names compare ASCII-case-insensitively (Foundation's `caseInsensitiveCompare` goes through
/// `NSString` and locale-aware folding, a measurable cost when every request looks up a few headers).
enum HeaderName {
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= UInt8(ascii: "a") && (x | 0x20) <= UInt8(ascii: "z"))
        }
    }
}

/// Why a request got no response. A transport throws only this.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The connection could not be opened (refused, unreachable, DNS, TLS handshake): nothing was sent.
        case connectFailed
        /// The connection was closed or reset after the request started: it may have reached the server.
        case connectionLost
        /// No complete response within the per-request timeout. The request may have reached the server.
        case timeout
        /// The surrounding Swift task was cancelled.
        case cancelled
        /// Anything else; `requestMayHaveBeenSent` says how safe a retry is.
        case other
    }

    public var kind: Kind
    /// `false` only when the transport knows that no byte of the request reached the server.
    public var requestMayHaveBeenSent: Bool
    /// The transport's own words (never contains headers).
    public var detail: String

    public init(_ kind: Kind, requestMayHaveBeenSent: Bool, detail: String) {
        self.kind = kind
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.detail = detail
    }

    public var description: String { detail }
}

/// The bottom layer of the client: sends one request, returns one response, never retries or follows
/// redirects (a 307 comes back as a 307). Implementations must honour Swift task cancellation and the
/// timeout, and throw `TransportFailure` for anything that is not an HTTP response.
///
/// The real one is `AsyncHTTPClientTransport`; tests use an in-memory fake.
public protocol AsteroidTransport: Sendable {
    func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse
    /// Releases connections and threads. The default does nothing.
    func shutdown() async throws
}

extension AsteroidTransport {
    public func shutdown() async throws {}
}
