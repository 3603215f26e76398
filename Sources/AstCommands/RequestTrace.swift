import AstRuntime
import AsteroidClient
import Foundation

/// `--verbose` / `set trace true`: one line on stderr per request as it completes — method, path and
/// query as sent, status (or the failure) and time. The key is never shown (it travels in a header this
/// middleware does not print, and any copy of it in the target is scrubbed).
final class RequestTrace: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private weak var interpreter: Interpreter?
    let redactor: Redactor

    init(redactor: Redactor) { self.redactor = redactor }

    /// Traces for this session (its `trace` setting and its stderr).
    func attach(_ interpreter: Interpreter) { lock.withLock { self.interpreter = interpreter } }

    func intercept(
        _ request: TransportRequest, context: ClientRequestContext,
        next: @Sendable (TransportRequest) async throws(TransportFailure) -> TransportResponse
    ) async throws(TransportFailure) -> TransportResponse {
        guard let interpreter = lock.withLock({ self.interpreter }), interpreter.settings.trace else {
            return try await next(request)
        }
        let retry = context.attempt > 1 ? " (attempt \(context.attempt)/\(context.maxAttempts))" : ""
        let line = "trace: \(request.method) \(redactor.scrub(context.relativeTarget))\(retry)"
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> String {
            let (seconds, attoseconds) = (clock.now - start).components
            return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
        }
        do {
            let response = try await next(request)
            interpreter.output.writeError("\(line) → \(response.status) in \(elapsed())\n")
            return response
        } catch {
            interpreter.output.writeError("\(line) → \(redactor.scrub(error.detail)) after \(elapsed())\n")
            throw error
        }
    }
}
