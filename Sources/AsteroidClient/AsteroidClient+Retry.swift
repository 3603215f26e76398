import AsteroidModels
import Foundation

extension AsteroidClient {
    /// Runs `attempt` (given the attempt number) until it yields a response that is final for this
    /// operation. Returns the response (any status), how many times the request was sent and, when the
    /// client stopped retrying because the server asked for a wait longer than the budget left, a sentence
    /// saying so.
    func withRetries(
        _ endpoint: Endpoint, _ attempt: (Int) async throws(TransportFailure) -> TransportResponse
    ) async throws(AsteroidError) -> (TransportResponse, Int, String?) {
        let clock = ContinuousClock()
        let start = clock.now
        let mutating = endpoint.operation.isMutating
        var number = 0
        var connectFailures = 0
        var delay = Duration.zero
        while true {
            number += 1
            if Task.isCancelled { throw cancelledError(endpoint, attempts: number - 1) }
            try await waitBeforeAttempt(number, backoff: delay, endpoint)
            do {
                let response = try await attempt(number)
                gate.note(status: response.status)
                guard Self.shouldRetry(status: response.status, mutating: mutating) else {
                    return (response, number, nil)
                }
                let retryAfter = RetryAfter.seconds(response.header("Retry-After"), now: Date())
                switch nextDelay(after: number, retryAfter: retryAfter, elapsed: clock.now - start) {
                case .wait(let wait):
                    delay = wait
                    if response.status == 429 { gate.close(for: wait) }
                case .stop(let note):
                    return (response, number, note)
                }
            } catch {
                if error.kind == .cancelled || Task.isCancelled { throw cancelledError(endpoint, attempts: number) }
                if error.kind == .connectFailed { connectFailures += 1 }
                guard Self.shouldRetry(error, mutating: mutating),
                    connectFailures < configuration.retry.maxConnectAttempts || error.kind != .connectFailed,
                    case .wait(let wait) = nextDelay(after: number, retryAfter: nil, elapsed: clock.now - start)
                else { throw transportError(endpoint, error, attempts: number) }
                delay = wait
            }
        }
    }

    /// Waits before attempt `number`: its own backoff (after a failed attempt) or the client-wide 429 gate,
    /// whichever ends later. A request held only by the gate adds a little jitter, so the requests that
    /// queued behind it do not all leave at the same instant.
    func waitBeforeAttempt(_ number: Int, backoff: Duration, _ endpoint: Endpoint) async throws(AsteroidError) {
        var held = gate.remaining()
        if held > .zero, held > backoff {
            held += configuration.retry.baseDelay * Double.random(in: 0...1)
        }
        let wait = max(backoff, held)
        guard wait > .zero else { return try await paceByLearnedCap(endpoint, attempts: number - 1) }
        if held > backoff {
            log("  waiting \(RequestLogMiddleware.milliseconds(wait)) ms (the server answered 429 Too Many Requests)")
        } else {
            log("  retrying in \(RequestLogMiddleware.milliseconds(wait)) ms")
        }
        do {
            try await sleeper(wait)
        } catch {
            throw cancelledError(endpoint, attempts: number - 1)
        }
        try await paceByLearnedCap(endpoint, attempts: number - 1)
    }

    /// After a 429, every request leaves at most at the rate the server was serving (see `RetryGate`).
    func paceByLearnedCap(_ endpoint: Endpoint, attempts: Int) async throws(AsteroidError) {
        guard let cap = gate.cap() else { return }
        do { try await cap.acquire() } catch { throw cancelledError(endpoint, attempts: attempts) }
    }

    /// GETs retry on 429, 500, 502, 503, 504; mutations only on 429 and 503 (the server refused before
    /// acting). A mutation's 500/502/504 is settled by reconciliation (`AsteroidClient+Reconcile.swift`).
    static func shouldRetry(status: Int, mutating: Bool) -> Bool {
        switch status {
        case 429, 503: true
        case 500, 502, 504: !mutating
        default: false
        }
    }

    /// GETs retry on connection failures and timeouts; mutations only when the connection could not be
    /// opened (nothing was sent). Anything else (`.other`: a bad URL, a TLS failure) is not transient.
    static func shouldRetry(_ failure: TransportFailure, mutating: Bool) -> Bool {
        switch failure.kind {
        case .connectFailed: !mutating || !failure.requestMayHaveBeenSent
        case .connectionLost, .timeout: !mutating
        case .cancelled, .other: false
        }
    }

    enum NextAttempt: Equatable {
        case wait(Duration)
        /// No further attempt; the note says why when the reason is the server's `Retry-After`.
        case stop(String?)
    }

    /// The wait before attempt `attempt + 1`, or `.stop` when attempts or the time budget are used up.
    func nextDelay(after attempt: Int, retryAfter: Double?, elapsed: Duration) -> NextAttempt {
        let policy = configuration.retry
        guard attempt < policy.maxAttempts else { return .stop(nil) }
        let wait: Duration
        if let retryAfter {
            let left = policy.totalBudget - elapsed
            // RetryAfter.seconds is at most RetryAfter.maximum, so the conversion cannot overflow.
            guard retryAfter <= RetryAfter.maximum, elapsed + .seconds(retryAfter) <= policy.totalBudget else {
                let (whole, fraction) = left.components
                let budget = max(0, (Double(whole) + Double(fraction) / 1e18).rounded())
                return .stop(
                    "The server asked to wait \(AsteroidError.seconds(retryAfter)) (Retry-After), longer than the "
                        + "\(AsteroidError.seconds(budget)) left of the retry budget; try again later.")
            }
            wait = .seconds(retryAfter)
        } else {
            let exponent = min(attempt - 1, 30)
            let ceiling = min(policy.maxDelay, policy.baseDelay * (1 << exponent))
            wait = ceiling * Double.random(in: 0...1)
        }
        guard elapsed + wait <= policy.totalBudget else { return .stop(nil) }
        return .wait(wait)
    }

    func cancelledError(_ endpoint: Endpoint, attempts: Int) -> AsteroidError {
        AsteroidError(
            kind: .cancelled, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
            detail: "the task was cancelled", attempts: attempts, cause: CancellationError())
    }

    func transportError(_ endpoint: Endpoint, _ failure: TransportFailure, attempts: Int) -> AsteroidError {
        AsteroidError(
            kind: failure.kind == .timeout ? .timeout : .transport, operation: endpoint.operation,
            method: endpoint.method, path: endpoint.path, detail: redactor.scrub(failure.detail),
            requestMayHaveBeenSent: failure.requestMayHaveBeenSent, attempts: attempts, cause: failure)
    }

    func log(_ line: String) {
        configuration.requestLog?(line)
    }
}
