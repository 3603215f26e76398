import AstRuntime
import AsteroidClient
import Foundation

/// One `http` call with its retries (see `HttpCommand`), through the process-wide HTTP transport.
struct HttpCall {
    let request: TransportRequest
    let timeout: Double
    /// Retries allowed after the first try (0 for post: only a connection that never opened is retried).
    let retries: Int

    static let retriedStatuses: Set<Int> = [429, 502, 503, 504]

    func send(_ call: Invocation) async throws -> TransportResponse {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let wait: Double
            do {
                let response = try await AsyncHTTPClientTransport.shared.send(request, timeout: .seconds(timeout))
                guard Self.retriedStatuses.contains(response.status), attempt <= retries else { return response }
                wait = RetryAfter.seconds(response.header("Retry-After"), now: Date()) ?? Self.backoff(attempt)
                guard wait <= 60 else { return response }
            } catch {
                if error.kind == .cancelled || Task.isCancelled { throw CancellationError() }
                let retriable =
                    error.kind == .connectFailed || (retries > 0 && [.timeout, .connectionLost].contains(error.kind))
                guard retriable, attempt <= max(retries, error.kind == .connectFailed ? 2 : 0) else {
                    throw call.error("http: \(request.method) \(Self.shown(request.url)): \(error.detail)")
                }
                wait = Self.backoff(attempt)
            }
            EventLog.of(call.interpreter).event(
                "retry", "http: \(request.method) \(Self.shown(request.url)): retrying in \(wait)s",
                fields: [("attempt", .int(attempt + 1))], quiet: true, to: call.interpreter.output)
            try await Task.sleep(for: .seconds(wait))
        }
    }

    static func backoff(_ attempt: Int) -> Double { 0.5 * pow(2, Double(min(attempt - 1, 6))) }

    /// The URL as errors show it: without its query or user info (either may hold a token).
    static func shown(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        parts.query = nil
        parts.user = nil
        parts.password = nil
        return parts.string ?? url.absoluteString
    }
}
