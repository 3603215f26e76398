import AsteroidModels
import Foundation

/// What a middleware knows about the request it sees.
/// Named `ClientRequestContext`, not `RequestContext`, so that it does not shadow Hummingbird.RequestContext.
public struct ClientRequestContext: Sendable {
    public var operation: APIOperation
    /// 1 for the first try, 2 for the first retry…
    public var attempt: Int
    public var maxAttempts: Int
    /// Path and query relative to the base URL, as sent (`/executions?status=failed`).
    public var relativeTarget: String

    public init(operation: APIOperation, attempt: Int, maxAttempts: Int, relativeTarget: String) {
        self.operation = operation
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.relativeTarget = relativeTarget
    }
}

/// A step between the client and the transport, run once per attempt (so it sees retries).
///
/// The client's own chain, outermost first, is: retry (the loop that calls the chain again) →
/// `ClientConfiguration.middlewares` (yours, in order) → auth (adds the key header) → request log (sees
/// the final headers, prints them redacted) → transport. A middleware may change the request, short-cut
/// with its own response, or throw a `TransportFailure`.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse
}

/// Adds the API key in the configured header (`X-Asteroid-Agents-Api-Key` unless told otherwise).
struct AuthMiddleware: ClientMiddleware {
    var header: String
    var key: String?

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        try await next(authorize(request))
    }

    func authorize(_ request: TransportRequest) -> TransportRequest {
        guard let key else { return request }
        var request = request
        request.headers.removeAll { HeaderName.equal($0.name, header) }
        request.headers.append((header, key))
        return request
    }
}

/// The opt-in request log: `→ GET /executions?status=failed` before, `← 200 in 12 ms` after, and with
/// `logHeaders` one indented line per header, secrets shown as `<redacted>`.
struct RequestLogMiddleware: ClientMiddleware {
    var sink: @Sendable (String) -> Void
    var logHeaders: Bool
    var redactor: Redactor

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        let suffix = context.attempt > 1 ? " (attempt \(context.attempt)/\(context.maxAttempts))" : ""
        sink("→ \(request.method) \(redactor.scrub(context.relativeTarget))\(suffix)")
        if logHeaders { for line in redactor.headerLines(request.headers) { sink("  \(line)") } }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request)
            sink("← \(response.status) in \(Self.milliseconds(clock.now - start)) ms")
            return response
        } catch {
            sink("← \(redactor.scrub(error.detail)) after \(Self.milliseconds(clock.now - start)) ms")
            throw error
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension AsteroidClient {
    /// The middlewares every attempt passes through, outermost first.
    var middlewareChain: [any ClientMiddleware] {
        var chain = configuration.middlewares
        chain.append(AuthMiddleware(header: configuration.apiKeyHeader, key: configuration.apiKey))
        if let sink = configuration.requestLog {
            chain.append(RequestLogMiddleware(sink: sink, logHeaders: configuration.logHeaders, redactor: redactor))
        }
        return chain
    }

    /// Sends one attempt through the middlewares to the transport.
    func attempt(_ request: TransportRequest, context: ClientRequestContext, timeout: Duration)
        async throws(TransportFailure) -> TransportResponse
    {
        try await Self.run(middlewareChain[...], request, context) { [transport] request throws(TransportFailure) in
            try await transport.send(request, timeout: timeout)
        }
    }

    static func run(
        _ chain: ArraySlice<any ClientMiddleware>, _ request: TransportRequest, _ context: ClientRequestContext,
        _ transport: @escaping @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        guard let first = chain.first else { return try await transport(request) }
        let rest = chain.dropFirst()
        return try await first.intercept(request, context: context) { request throws(TransportFailure) in
            try await run(rest, request, context, transport)
        }
    }
}
