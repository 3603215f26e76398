import AsteroidModels
import Foundation

extension AsteroidClient {
    /// Runs `attempt` (given the attempt number) until it yields a response that is final for this
    /// operation. Returns the response (any status) and how many times the request was sent.
    func withRetries(
        _ endpoint: Endpoint, _ attempt: (Int) async throws(TransportFailure) -> TransportResponse
    ) async throws(AsteroidError) -> (TransportResponse, Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var number = 0
        while true {
            number += 1
            if Task.isCancelled { throw cancelledError(endpoint, attempts: number - 1) }
            let delay: Duration
            do {
                let response = try await attempt(number)
                guard Self.shouldRetry(status: response.status, mutating: endpoint.operation.isMutating),
                    let wait = nextDelay(
                        after: number, retryAfter: RetryAfter.seconds(response.header("Retry-After"), now: Date()),
                        elapsed: clock.now - start)
                else { return (response, number) }
                delay = wait
            } catch {
                if error.kind == .cancelled || Task.isCancelled { throw cancelledError(endpoint, attempts: number) }
                guard Self.shouldRetry(error, mutating: endpoint.operation.isMutating),
                    let wait = nextDelay(after: number, retryAfter: nil, elapsed: clock.now - start)
                else { throw transportError(endpoint, error, attempts: number) }
                delay = wait
            }
            log("  retrying in \(RequestLogMiddleware.milliseconds(delay)) ms")
            do {
                try await sleeper(delay)
            } catch {
                throw cancelledError(endpoint, attempts: number)
            }
        }
    }

    /// GETs retry on 429, 502, 503, 504; mutations only on 429 and 503 (the server refused before acting).
    static func shouldRetry(status: Int, mutating: Bool) -> Bool {
        switch status {
        case 429, 503: true
        case 502, 504: !mutating
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

    /// The wait before attempt `attempt + 1`, or `nil` when attempts or the time budget are used up.
    func nextDelay(after attempt: Int, retryAfter: Double?, elapsed: Duration) -> Duration? {
        let policy = configuration.retry
        guard attempt < policy.maxAttempts else { return nil }
        let wait: Duration
        if let retryAfter {
            wait = .milliseconds(Int64((retryAfter * 1000).rounded()))
        } else {
            let exponent = min(attempt - 1, 30)
            let ceiling = min(policy.maxDelay, policy.baseDelay * (1 << exponent))
            wait = ceiling * Double.random(in: 0...1)
        }
        guard elapsed + wait <= policy.totalBudget else { return nil }
        return wait
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

/// Parses `Retry-After`: delay-seconds or an HTTP date.
enum RetryAfter {
    static func seconds(_ header: String?, now: Date) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now).rounded(.up)) }
        }
        return nil
    }
}
