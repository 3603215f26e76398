import AsteroidModels
import Foundation

/// When a mutation was first sent: the instant (for elapsed time) and the wall-clock date (for listings).
struct SentMark: Sendable {
    let instant = ContinuousClock.now
    let date = Date()
}

/// Executions created since a `SentMark`, newest first, as far as the listing went.
struct RecentExecutions: Sendable {
    var executions: [Execution]
    /// The creation time from which executions count as "since the attempt" (server clock when known).
    var since: Date
    /// How many executions the listing returned before the client filtered them.
    var scanned: Int
    /// False when the scan stopped at `AsteroidClient.reconcileScanLimit` before reaching `since`.
    var complete: Bool
}

// Reconciliation: when a mutating request's outcome is unknown (a 500/502/504, a connection lost after the
// request went out, a timeout, a success answer that could not be read), the client asks the API what
// happened before it reports or retries. The follow-up reads are GETs with the usual retries; none is made
// on the happy path. See `AsteroidClient+ReconcileWrites.swift` for each operation.
extension AsteroidClient {
    /// True when `error`, thrown by a mutating request, leaves its effect unknown.
    static func isAmbiguous(_ error: AsteroidError) -> Bool {
        switch error.kind {
        case .http: [500, 502, 504].contains(error.status ?? 0)
        case .transport, .timeout: error.requestMayHaveBeenSent != false
        case .decoding: true
        case .validation, .cancelled, .dryRun, .configuration, .outcomeUnknown: false
        }
    }

    /// Executions created up to this long before the attempt (server clock, from its `Date` header) still
    /// count: covers the header's one-second resolution and a request that sat in a queue.
    static let serverClockSlack: TimeInterval = 1
    /// Without a `Date` header the client's own clock is used, with this much room for skew.
    static let clientClockSlack: TimeInterval = 300
    /// `createdAfter` sent to the server: wide, so that even a badly skewed clock does not hide the run.
    static let listingWindow: TimeInterval = 3_600
    /// At most this many executions are read looking for the one a request made.
    static let reconcileScanLimit = 500

    /// The executions matching `base` created since the attempt `mark` noted, newest first. `serverNow` is
    /// the server's `Date` from a read made just before (nil: the first listing page's is used).
    func executionsCreated(
        since mark: SentMark, matching base: ListExecutionsQuery, serverNow: (Date, ContinuousClock.Instant)?
    ) async throws(AsteroidError) -> RecentExecutions {
        var query = base
        query.createdAfter = mark.date.addingTimeInterval(-Self.listingWindow)
        query.sortField = .createdAt
        query.sortDirection = .desc
        query.pageSize = 100
        var since = Self.estimatedSince(mark, serverNow: serverNow)
        var found: [Execution] = []
        var scanned = 0
        var page = 1
        while true {
            query.page = page
            let endpoint = Endpoint(.executionsList, query: query.queryItems())
            let response = try await send(endpoint, expecting: [200])
            if serverNow == nil, page == 1, let date = RetryAfter.httpDate(response.header("Date")) {
                since = Self.estimatedSince(mark, serverNow: (date, ContinuousClock.now))
            }
            let items = try await decodeOffLoop(Page<Execution>.self, endpoint, response).items
            scanned += items.count
            found += items.filter { $0.createdAt >= since }
            if items.count < 100 || (items.last.map { $0.createdAt < since } ?? true) {
                return RecentExecutions(executions: found, since: since, scanned: scanned, complete: true)
            }
            if scanned >= Self.reconcileScanLimit {
                return RecentExecutions(executions: found, since: since, scanned: scanned, complete: false)
            }
            page += 1
        }
    }

    /// The server-clock time of the attempt, less the slack: the server's `Date` minus the time that passed
    /// on this machine since the attempt. Without a server date, the client's clock less a wide margin.
    static func estimatedSince(_ mark: SentMark, serverNow: (Date, ContinuousClock.Instant)?) -> Date {
        guard let (date, receivedAt) = serverNow else { return mark.date.addingTimeInterval(-clientClockSlack) }
        let (seconds, attoseconds) = (receivedAt - mark.instant).components
        return date.addingTimeInterval(-(Double(seconds) + Double(attoseconds) / 1e18) - serverClockSlack)
    }

    /// `GET /executions/{id}` with the server's `Date` header (and when it was received).
    func executionWithServerTime(_ id: String) async throws(AsteroidError)
        -> (Execution, (Date, ContinuousClock.Instant)?)
    {
        let endpoint = try Self.endpoint(.executionGet, id)
        let response = try await send(endpoint, expecting: [200])
        let received = ContinuousClock.now
        let execution = try decode(Execution.self, endpoint, response)
        return (execution, RetryAfter.httpDate(response.header("Date")).map { ($0, received) })
    }

    /// Waits before sending a mutation again that certainly did not take effect; throws `lost` (with a
    /// hint saying what was checked) when attempts or the budget are used up.
    func prepareResend(
        after round: Int, _ mark: SentMark, _ endpoint: Endpoint, _ lost: AsteroidError, checked: String
    ) async throws(AsteroidError) {
        guard
            case .wait(let wait) = nextDelay(after: round, retryAfter: nil, elapsed: ContinuousClock.now - mark.instant)
        else {
            var error = lost
            error.hint = [error.hint, "Checked: \(checked), so it did not take effect."].compactMap { $0 }
                .joined(separator: " ")
            throw error
        }
        log("· \(checked): it did not take effect; sending it again")
        try await waitBeforeAttempt(round + 1, backoff: wait, endpoint)
    }

    func outcomeUnknown(_ endpoint: Endpoint, _ lost: AsteroidError, _ checked: String) -> AsteroidError {
        AsteroidError(
            kind: .outcomeUnknown, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
            status: lost.status, detail: "\(Self.brief(lost)); \(checked)", requestMayHaveBeenSent: true,
            attempts: lost.attempts, cause: lost)
    }

    /// The error when the reads that should settle an unknown outcome fail too (cancellation stays one).
    func reconcileFailed(_ endpoint: Endpoint, _ lost: AsteroidError, _ read: AsteroidError) -> AsteroidError {
        if read.kind == .cancelled { return read }
        return outcomeUnknown(endpoint, lost, "asking the API what happened failed too: \(read.description)")
    }

    /// How the answer was lost, in a few words.
    static func brief(_ error: AsteroidError) -> String {
        switch error.kind {
        case .http:
            let status = error.status ?? 0
            return "the server answered \(status) \(HTTPStatusText.reason(status))"
        case .timeout: return "no answer in time"
        case .decoding: return "the answer could not be read (\(error.detail))"
        default: return "the connection was lost (\(error.detail))"
        }
    }

    /// Sends a mutation once. An answer, or an error that settles the outcome, comes back or is thrown as it
    /// is; an error that leaves the effect open (`isAmbiguous`) comes back as `.lost`, logged with what the
    /// client asks the API next. The one start of every reconciler.
    func sendOnce<T>(
        _ endpoint: Endpoint, asking question: String, _ send: () async throws(AsteroidError) -> T
    ) async throws(AsteroidError) -> SendOutcome<T> {
        do {
            return .answered(try await send())
        } catch {
            guard Self.isAmbiguous(error) else { throw error }
            log("· \(endpoint.method) \(endpoint.path): \(Self.brief(error)); asking the API \(question)")
            return .lost(error)
        }
    }
}

/// What one send of a mutation came to: its answer, or the error that left its effect open.
enum SendOutcome<T> {
    case answered(T)
    case lost(AsteroidError)
}
