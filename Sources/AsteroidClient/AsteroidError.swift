import AsteroidModels
import Foundation

/// The one error every client operation throws: what was attempted, what went wrong and why.
///
/// `description` is a sentence a person can act on, e.g.
/// `404 Not Found from GET /executions/3c90c3cc-…: Execution not found.` It never contains the API key.
public struct AsteroidError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public enum Kind: Sendable, Hashable {
        /// The request broke a documented rule and was not sent; `field` names the parameter.
        case validation
        /// The server answered with a non-success status; see `status`, `serverCode`, `serverMessage`.
        case http
        /// No response: connection refused, reset, closed. See `requestMayHaveBeenSent`.
        case transport
        /// No response within the per-request timeout.
        case timeout
        /// The Swift task was cancelled.
        case cancelled
        /// A success response that could not be read; `detail` says what was wrong.
        case decoding
        /// Dry-run mode: the mutating request was built but not sent; see `dryRunRequest`.
        case dryRun
        /// The client is configured wrongly (e.g. a bad base URL).
        case configuration
        /// A mutating request whose effect is still unknown after the client asked the API what happened
        /// (the answer was lost to a 500/502/504, a dropped connection or a timeout, and the follow-up reads
        /// could not settle it). Never reported as a failure: `detail` says what was checked.
        case outcomeUnknown
    }

    public var kind: Kind
    /// The API operation, when the error belongs to one.
    public var operation: APIOperation?
    public var method: String?
    /// The request path relative to the base URL, without the query (`/executions/3c90…`).
    public var path: String?
    /// The HTTP status, for `.http` (and for `.decoding` of a response).
    public var status: Int?
    /// `code` of the server's JSON error body.
    public var serverCode: Int?
    /// `message` of the JSON error body, or the raw text body when the server sent text.
    public var serverMessage: String?
    /// The `errors` list of a 400 problem-details body.
    public var parameterErrors: [ErrorBody.ParameterError]
    /// The parameter or body field at fault, for `.validation` and `.configuration`.
    public var field: String?
    /// What went wrong, in words (without the status line, which `description` adds).
    public var detail: String
    /// For `.transport` and `.timeout`: `false` only when the request certainly never reached the server.
    public var requestMayHaveBeenSent: Bool?
    /// The server's `Retry-After`, in seconds, when it sent one.
    public var retryAfterSeconds: Double?
    /// How many times the request was sent (0 when it never was).
    public var attempts: Int
    /// For `.dryRun`: the request that would have been sent (redacted).
    public var dryRunRequest: DryRunRequest?
    /// The underlying error (a `RequestValidationError`, `TransportFailure`, `DecodingError`…).
    public var cause: (any Error)?
    /// What the person might do about it, when the client can tell (e.g. a 401 without a key).
    public var hint: String?

    public init(
        kind: Kind, operation: APIOperation? = nil, method: String? = nil, path: String? = nil,
        status: Int? = nil,
        serverCode: Int? = nil, serverMessage: String? = nil, parameterErrors: [ErrorBody.ParameterError] = [],
        detail: String, field: String? = nil, requestMayHaveBeenSent: Bool? = nil, retryAfterSeconds: Double? = nil,
        attempts: Int = 0, dryRunRequest: DryRunRequest? = nil, cause: (any Error)? = nil
    ) {
        self.kind = kind
        self.operation = operation
        self.method = method
        self.path = path
        self.status = status
        self.serverCode = serverCode
        self.serverMessage = serverMessage
        self.parameterErrors = parameterErrors
        self.detail = detail
        self.field = field
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
        self.retryAfterSeconds = retryAfterSeconds
        self.attempts = attempts
        self.dryRunRequest = dryRunRequest
        self.cause = cause
    }

    public var errorDescription: String? { description }

    /// True when a mutating request's effect could not be determined (see `Kind.outcomeUnknown`).
    public var isOutcomeUnknown: Bool { kind == .outcomeUnknown }

    /// True for 404 answers.
    public var isNotFound: Bool { kind == .http && status == 404 }

    /// `GET /executions/…`, or the operation name when there is no request.
    var target: String {
        if let method, let path { return "\(method) \(path)" }
        return operation.map { "\($0.method) \($0.pathTemplate)" } ?? "the client"
    }

    public var description: String {
        switch kind {
        case .http:
            let status = status ?? 0
            var text = "\(status) \(HTTPStatusText.reason(status)) from \(target)"
            let message = serverMessage?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            text += message.isEmpty ? "." : ": \(message)"
            if !parameterErrors.isEmpty {
                text += " (" + parameterErrors.map { "\($0.parameter): \($0.detail)" }.joined(separator: "; ") + ")"
            }
            if let retryAfterSeconds { text += " Retry after \(Self.seconds(retryAfterSeconds))." }
            if attempts > 1 { text += " (gave up after \(attempts) attempts)" }
            if let hint { text += " " + hint }
            return text
        case .validation:
            return "\(operation.map { "\($0.description): " } ?? "")invalid \(field ?? "request"): \(detail) (not sent)"
        case .transport, .timeout:
            let sent =
                requestMayHaveBeenSent == false
                ? "the request was not sent" : "the request may have reached the server"
            var text = "\(target) failed: \(detail); \(sent)"
            if attempts > 1 { text += " (gave up after \(attempts) attempts)" }
            return text
        case .cancelled:
            return "\(target) was cancelled"
        case .decoding:
            let op = operation.map { " (\($0.description))" } ?? ""
            return "could not read the \(status.map(String.init) ?? "") response of \(target)\(op): \(detail)"
        case .dryRun:
            return "dry run: \(target) not sent"
        case .configuration:
            return "configuration: \(detail)"
        case .outcomeUnknown:
            return "\(target): outcome unknown: \(detail)"
        }
    }

    /// `2 s`, `1.5 s`; any Double (a server's `Retry-After` can be anything) without overflowing `Int`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 1e15, value == value.rounded() else { return "\(value) s" }
        return "\(Int(value)) s"
    }
}

extension AsteroidError.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .validation: "validation"
        case .http: "http"
        case .transport: "transport"
        case .timeout: "timeout"
        case .cancelled: "cancelled"
        case .decoding: "decoding"
        case .dryRun: "dry-run"
        case .configuration: "configuration"
        case .outcomeUnknown: "outcome-unknown"
        }
    }
}
