import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: method, path (never the query, which may hold a `token`), status, ms.
/// Headers are never logged, so the API key never is.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let enabled: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard enabled else { return try await next(request, context) }
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let ms = (ContinuousClock.now - start).components
            // Tenths of a millisecond, written without String(format:) (one line per request adds up).
            let tenths = Int((Double(ms.seconds) * 10_000 + Double(ms.attoseconds) / 1e14).rounded())
            logger.info("\(request.method) \(request.uri.path) \(status) \(tenths / 10).\(tenths % 10)ms")
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            log(error.status.code)
            throw error
        } catch {
            // Not an HTTP error: a bug or a database failure. The client gets a bare 500; the log says what.
            log(500)
            logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            throw error
        }
    }
}

/// The key headers, parsed once rather than on every request.
private let apiKeyFields: [HTTPField.Name] = ["X-Asteroid-Agents-Api-Key", "X-Api-Key"].compactMap { HTTPField.Name($0) }

/// `X-Asteroid-Agents-Api-Key` or `X-Api-Key` must carry a key (exactly `apiKey` when one is set);
/// `GET …/recording` also takes `?token=`.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let apiKey: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var keys: [String] = []
        for field in apiKeyFields {
            if let value = request.headers[field], !value.isEmpty { keys.append(value) }
        }
        if request.method == .get, request.uri.path.hasSuffix("/recording"), let token = request.query("token"),
            !token.isEmpty
        {
            keys.append(token)
        }
        let accepted = apiKey.map { expected in keys.contains(expected) } ?? !keys.isEmpty
        guard accepted else { throw SandboxError.unauthorized }
        return try await next(request, context)
    }
}

/// Injected faults, decided before the request reaches any handler (so nothing has changed when one
/// fires). The `X-Sandbox-Fault` header forces one; `--faults` rolls dice seeded by `--seed`.
struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A valid token, so never nil; optional only because the initialiser validates its input.
    static var headerName: HTTPField.Name? { HTTPField.Name("X-Sandbox-Fault") }
    let spec: FaultSpec
    let dice: FaultDice

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var decision: FaultDecision?
        var latency = spec.latencyMs
        if let name = Self.headerName, let header = request.headers[name] {
            let forced: ForcedFault
            do {
                forced = try ForcedFault(header: header)
            } catch {
                throw SandboxError.badRequest("X-Sandbox-Fault", error.reason + " (got \"\(error.item)\")")
            }
            decision = forced.decision
            latency += forced.latencyMs
        } else if !spec.statusRates.isEmpty || spec.resetRate > 0 {
            decision = dice.roll(spec)
        }
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        switch decision {
        case .status(let code)?:
            let status = HTTPResponse.Status(code: code)
            var error = SandboxError(status, "Injected fault: \(code) \(SandboxError.title(code)) (sandbox fault injection).")
            if code == 429 || code == 503 { error.headers[.retryAfter] = "1" }
            throw error
        case .reset?:
            // Promise a body and never send it: the connection closes mid-response.
            return Response(
                status: .ok, headers: [.contentType: "application/json", .contentLength: "64"],
                body: ResponseBody(contentLength: 64) { _ in throw CancellationError() })
        case nil:
            return try await next(request, context)
        }
    }
}

/// Deterministic dice: the n-th request of a run rolls the same number for the same seed.
final class FaultDice: @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64 = 0
    private let seed: UInt64

    init(seed: UInt64) { self.seed = seed }

    func roll(_ spec: FaultSpec) -> FaultDecision? {
        let n = lock.withLock {
            counter &+= 1
            return counter
        }
        let value = Double(SeedRandom.mix(seed ^ (n &* 0x9E37_79B9_7F4A_7C15)) >> 11) / Double(1 << 53)
        var edge = 0.0
        for (code, rate) in spec.statusRates.sorted(by: { $0.key < $1.key }) {
            edge += rate
            if value < edge { return .status(code) }
        }
        edge += spec.resetRate
        return value < edge ? .reset : nil
    }
}
