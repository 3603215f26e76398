import AstRuntime
import AsteroidClient
import Foundation

/// Holds each request (every attempt) for the language's rate limit: the `each --rate` pacer of the task
/// sending it, else the session's (`set rate`). Pacers are the client's `RateLimiter`s.
struct PacingMiddleware: ClientMiddleware {
    /// The session the service is installed on (set by `APIService.install`).
    final class Session: @unchecked Sendable {
        private let lock = NSLock()
        private weak var interpreter: Interpreter?
        func attach(_ interpreter: Interpreter) { lock.withLock { self.interpreter = interpreter } }
        var pacer: (any RequestPacer)? { lock.withLock { interpreter }.flatMap(RequestPacing.session(of:)) }
    }

    let session: Session

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        if let pacer = RequestPacing.current ?? session.pacer {
            do { try await pacer.pace() } catch {
                throw TransportFailure(
                    .cancelled, requestMayHaveBeenSent: false, detail: "cancelled while waiting for the rate limit")
            }
        }
        return try await next(request)
    }

    /// Makes the pacers `each --rate` and `set rate` use.
    static let factory: RequestPacing.Factory = { RateLimiter(perSecond: $0) }
}

extension RateLimiter: RequestPacer {
    public func pace() async throws { try await acquire() }
}
