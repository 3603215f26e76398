import AsteroidClient
import Foundation

/// Counts the requests the client sends (each attempt), for the prompt's `set timing true`. A counter
/// bump per request: nothing is added to the wire.
final class RequestCounter: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        lock.withLock { count += 1 }
        return try await next(request)
    }
}
