import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: method, path (never the query, which may hold a `token`), status, ms.
/// Headers are never logged, so the API key never is. An injected reset is logged as `reset` (the
/// client never gets a status) and turned into the broken response here, the outermost layer.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let enabled: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        func log(_ status: String) {
            guard enabled else { return }
            let ms = (ContinuousClock.now - start).components
            // Tenths of a millisecond, written without String(format:) (one line per request adds up).
            let tenths = Int((Double(ms.seconds) * 10_000 + Double(ms.attoseconds) / 1e14).rounded())
            logger.info("\(request.method) \(request.uri.path) \(status) \(tenths / 10).\(tenths % 10)ms")
        }
        do {
            let response = try await next(request, context)
            log(String(response.status.code))
            return response
        } catch is InjectedReset {
            log("reset")
            return InjectedReset.response
        } catch let error as any HTTPResponseError {
            log(String(error.status.code))
            throw error
        } catch {
            log("500")
            throw error
        }
    }
}

/// Thrown by the fault middleware for an injected reset; the log middleware answers it with a response
/// that promises a body and never sends it, so the connection closes mid-response.
struct InjectedReset: Error {
    static var response: Response {
        Response(
            status: .ok, headers: [.contentType: "application/json", .contentLength: "64"],
            body: ResponseBody(contentLength: 64) { _ in throw CancellationError() })
    }
}

/// The key headers, parsed once rather than on every request.
private let apiKeyFields: [HTTPField.Name] = ["X-Asteroid-Agents-Api-Key", "X-Api-Key"].compactMap {
    HTTPField.Name($0)
}

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

/// Injected faults, behind authentication (a request without a valid key cannot inject one). The
/// `X-Sandbox-Fault` header forces one; `--faults` rolls dice seeded by `--seed`. Plain faults answer
/// before the handler (nothing has changed); `after-` faults let the handler run and commit, then replace
/// its response. Latency is bounded (`FaultSpec.maxLatencyMs`) and ends at once on shutdown.
struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A valid token, so never nil; optional only because the initialiser validates its input.
    static var headerName: HTTPField.Name? { HTTPField.Name("X-Sandbox-Fault") }
    let spec: FaultSpec
    let dice: FaultDice
    let notifier: ChangeNotifier
    let waitLimit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let rate = spec.rateLimit, !dice.admit(perSecond: rate) { throw Self.injected(429, after: false) }
        if let outage = spec.rerunOutage, request.method == .post, request.uri.path.hasSuffix("/rerun"),
            dice.inRerunOutage(.milliseconds(outage.ms))
        {
            throw Self.injected(outage.status, after: false)
        }
        var decision: FaultDecision?
        var latency = spec.latencyMs
        if let name = Self.headerName, let header = request.headers[name] {
            let forced: ForcedFault
            do {
                forced = try ForcedFault(header: header)
            } catch {
                throw SandboxError.badRequest("X-Sandbox-Fault", error.reason + " (got \"\(error.item.prefix(80))\")")
            }
            decision = forced.decision
            latency += forced.latencyMs
        } else if spec.rolls {
            decision = dice.roll(spec)
        }
        if latency > 0 {
            await notifier.sleep(for: min(.milliseconds(min(latency, FaultSpec.maxLatencyMs)), waitLimit))
        }
        switch decision {
        case .status(let code)?:
            throw Self.injected(code, after: false)
        case .reset?:
            throw InjectedReset()
        case .afterStatus(let code)?:
            _ = try await next(request, context)
            throw Self.injected(code, after: true)
        case .afterReset?:
            _ = try await next(request, context)
            throw InjectedReset()
        case nil:
            return try await next(request, context)
        }
    }

    static func injected(_ code: Int, after: Bool) -> SandboxError {
        let when = after ? ", after the request was carried out" : ""
        var error = SandboxError(
            HTTPResponse.Status(code: code),
            "Injected fault: \(code) \(SandboxError.title(code)) (sandbox fault injection\(when)).")
        if code == 429 || code == 503 { error.headers[.retryAfter] = "1" }
        return error
    }
}

/// Deterministic dice: the n-th request of a run rolls the same number for the same seed.
final class FaultDice: @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64 = 0
    private let seed: UInt64

    /// When the server started (the rerun outage's window begins here).
    let started = ContinuousClock.now
    /// Set by ``SandboxServer/endRerunOutage()``: the outage is over whatever its length.
    private var outageEnded = false

    /// Whether a rerun now falls in an outage of `length` from the start (and it was not ended early).
    func inRerunOutage(_ length: Duration) -> Bool {
        lock.withLock { !outageEnded && started.duration(to: .now) < length }
    }

    func endRerunOutage() { lock.withLock { outageEnded = true } }

    init(seed: UInt64) { self.seed = seed }

    /// The `rate:` fault's bucket: tokens (up to one second's worth) and when it was last refilled.
    private var tokens: Double?
    private var refilled = ContinuousClock.now

    /// Whether a request may pass under `perSecond` (taking a token), or is over the limit.
    func admit(perSecond rate: Double) -> Bool {
        lock.withLock {
            let now = ContinuousClock.now
            let capacity = max(1, rate)
            let elapsed =
                Double((now - refilled).components.attoseconds) / 1e18 + Double((now - refilled).components.seconds)
            refilled = now
            var available = min(capacity, (tokens ?? capacity) + elapsed * rate)
            defer { tokens = available }
            guard available >= 1 else { return false }
            available -= 1
            return true
        }
    }

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
        if value < edge { return .reset }
        for (code, rate) in spec.afterStatusRates.sorted(by: { $0.key < $1.key }) {
            edge += rate
            if value < edge { return .afterStatus(code) }
        }
        edge += spec.afterResetRate
        return value < edge ? .afterReset : nil
    }
}
