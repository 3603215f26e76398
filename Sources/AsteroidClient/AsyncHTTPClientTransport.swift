import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The real transport: an AsyncHTTPClient `HTTPClient` with pooled keep-alive connections.
///
/// Redirects are not followed (the recording's 307 comes back as is), connection establishment is not
/// retried inside the pool (the client's retry layer decides), and cancelling the calling task cancels
/// the request.
///
/// `shared` is one process-wide instance (what `AsteroidClient(configuration:)` uses): it lives as long
/// as the process and its `shutdown()` does nothing. An instance you create owns its connections; call
/// `shutdown()` when done (if you drop it without, it shuts itself down in the background).
public final class AsyncHTTPClientTransport: AsteroidTransport {
    /// The process-wide transport; never shut down.
    public static let shared = AsyncHTTPClientTransport(isShared: true)

    let client: HTTPClient
    /// The most a response body may hold (64 MiB); a larger one fails rather than exhausting memory.
    public let maxBodyBytes: Int
    private let isShared: Bool
    private let isShutDown = Locked(false)

    public convenience init(connectTimeout: Duration = .seconds(10), maxBodyBytes: Int = 64 << 20) {
        self.init(connectTimeout: connectTimeout, maxBodyBytes: maxBodyBytes, isShared: false)
    }

    private init(connectTimeout: Duration = .seconds(10), maxBodyBytes: Int = 64 << 20, isShared: Bool) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        // The default (8 keep-alive connections per host) would queue `each -p 16` and `wait`'s 16 long-polls.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: Self.timeAmount(connectTimeout))
        configuration.decompression = .enabled(limit: .ratio(50))
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
        self.isShared = isShared
    }

    deinit {
        // AsyncHTTPClient traps in debug builds when an HTTPClient is dropped while running.
        if !isShared, !isShutDown.withLock({ $0 }) { client.shutdown { _ in } }
    }

    public func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure)
        -> TransportResponse
    {
        // The future-based API with a body accumulator: the response is gathered on the event loop and
        // handed to this task once, where the async API streams head and body through several task
        // hand-offs per request.
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method),
                headers: HTTPHeaders(request.headers), body: request.body.map { .byteBuffer(ByteBuffer(bytes: $0)) })
            let task = client.execute(
                request: outgoing, delegate: ResponseAccumulator(request: outgoing, maxBodySize: maxBodyBytes),
                deadline: .now() + Self.timeAmount(timeout))
            let response = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return TransportResponse(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: response.body.map { Data($0.readableBytesView) } ?? Data())
        } catch {
            throw Self.classify(error, timeout: timeout, maxBodyBytes: maxBodyBytes)
        }
    }

    /// Closes the pooled connections. Does nothing on `shared` or a second time.
    public func shutdown() async throws {
        guard !isShared else { return }
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        if first { try await client.shutdown() }
    }

    /// Maps AsyncHTTPClient and NIO errors onto the three questions retry asks: what happened, and could
    /// the request have reached the server?
    static func classify(_ error: any Error, timeout: Duration? = nil, maxBodyBytes: Int? = nil) -> TransportFailure {
        if error is ResponseAccumulator.ResponseTooBigError {
            let limit = maxBodyBytes.map { " (\($0 >> 20) MiB)" } ?? ""
            return TransportFailure(
                .other, requestMayHaveBeenSent: true, detail: "the response body is larger than the limit\(limit)")
        }
        if error is CancellationError {
            return TransportFailure(.cancelled, requestMayHaveBeenSent: true, detail: "cancelled")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled:
                return TransportFailure(.cancelled, requestMayHaveBeenSent: true, detail: "cancelled")
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return TransportFailure(
                    .connectFailed, requestMayHaveBeenSent: false, detail: "could not connect in time (\(error))")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                let limit = timeout.map { " (timeout \($0))" } ?? ""
                return TransportFailure(.timeout, requestMayHaveBeenSent: true, detail: "no response in time\(limit)")
            case .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown:
                return TransportFailure(.other, requestMayHaveBeenSent: false, detail: "\(error)")
            case _ where error.shortDescription.hasPrefix("Invalid header field"):
                // Refused before a byte was written; the values themselves (maybe the key) are not repeated.
                return TransportFailure(
                    .other, requestMayHaveBeenSent: false,
                    detail: "\(error.shortDescription.lowercased()) (a control character or line break in a header)")
            case .remoteConnectionClosed:
                return TransportFailure(
                    .connectionLost, requestMayHaveBeenSent: true, detail: "the server closed the connection")
            default:
                return TransportFailure(.other, requestMayHaveBeenSent: true, detail: "\(error)")
            }
        }
        // The connection closed in the middle of the response ("stream ended at an unexpected time"): a
        // dropped connection like a reset, and as transient.
        if let error = error as? HTTPParserError, case .invalidEOFState = error {
            return TransportFailure(
                .connectionLost, requestMayHaveBeenSent: true, detail: "the connection closed mid-response")
        }
        // NIOPosix's `NIOConnectionError` (every address refused or unreachable); NIOPosix is not imported here.
        if String(describing: type(of: error)) == "NIOConnectionError" {
            return TransportFailure(
                .connectFailed, requestMayHaveBeenSent: false, detail: "could not connect (\(error))")
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED:
                return TransportFailure(.connectFailed, requestMayHaveBeenSent: false, detail: "connection refused")
            case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL:
                return TransportFailure(.connectFailed, requestMayHaveBeenSent: false, detail: "\(error)")
            case ECONNRESET, EPIPE:
                return TransportFailure(.connectionLost, requestMayHaveBeenSent: true, detail: "connection reset")
            default:
                return TransportFailure(.other, requestMayHaveBeenSent: true, detail: "\(error)")
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout:
                return TransportFailure(
                    .connectFailed, requestMayHaveBeenSent: false, detail: "could not connect in time")
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed:
                return TransportFailure(.connectionLost, requestMayHaveBeenSent: true, detail: "the connection closed")
            default:
                return TransportFailure(.other, requestMayHaveBeenSent: true, detail: "\(error)")
            }
        }
        let text = "\(error)"
        if text.contains("NXDOMAIN") || text.lowercased().contains("resolve") {
            return TransportFailure(.connectFailed, requestMayHaveBeenSent: false, detail: "could not resolve the host")
        }
        return TransportFailure(.other, requestMayHaveBeenSent: true, detail: text)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
