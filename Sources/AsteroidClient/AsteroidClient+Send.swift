import AsteroidModels
import Foundation

extension AsteroidClient {
    /// Sends one endpoint through validation-built request, dry-run, retry and the middleware chain; returns a response
    /// whose status is in
    /// `expected`, or throws the matching `AsteroidError`.
    func send(_ endpoint: Endpoint, expecting expected: Set<Int>) async throws(AsteroidError) -> TransportResponse {
        if let keyProblem {
            throw AsteroidError(
                kind: .configuration, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
                detail: keyProblem + " (not sent)", field: "apiKey")
        }
        let request = try buildRequest(endpoint)
        if configuration.dryRun, endpoint.operation.isMutating {
            let dump = dryRunDump(endpoint, request)
            log("· dry run: \(endpoint.method) \(redactor.scrub(endpoint.pathAndQuery)) not sent")
            configuration.onDryRun?(dump)
            throw AsteroidError(
                kind: .dryRun, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
                detail: "dry run: not sent", dryRunRequest: dump)
        }
        let timeout = configuration.timeout + endpoint.extraTimeout
        let (response, attempts, note) = try await withRetries(endpoint) { number throws(TransportFailure) in
            let context = ClientRequestContext(
                operation: endpoint.operation, attempt: number, maxAttempts: self.configuration.retry.maxAttempts,
                relativeTarget: endpoint.pathAndQuery)
            return try await self.attempt(request, context: context, timeout: timeout)
        }
        guard expected.contains(response.status) else {
            var error = httpError(endpoint, response, attempts: attempts)
            if let note { error.hint = [note, error.hint].compactMap { $0 }.joined(separator: " ") }
            throw error
        }
        return response
    }

    func buildRequest(_ endpoint: Endpoint) throws(AsteroidError) -> TransportRequest {
        let root = endpoint.operation.isOutsidePrefix ? configuration.hostURL : configuration.baseURL.absoluteString
        let text = root + endpoint.pathAndQuery
        guard let url = URL(string: text) else {
            throw AsteroidError(
                kind: .configuration, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
                detail: "cannot form a URL from base URL \(configuration.baseURL) and \(endpoint.path)")
        }
        var headers: [(name: String, value: String)] = [
            ("Accept", "application/json, text/plain"), ("User-Agent", configuration.userAgent),
        ]
        var body: Data?
        switch endpoint.body {
        case .json(let data):
            headers.append(("Content-Type", "application/json"))
            body = data
        case .multipart(let data, let boundary, _):
            headers.append(("Content-Type", "multipart/form-data; boundary=\(boundary)"))
            body = data
        case nil:
            break
        }
        return TransportRequest(method: endpoint.method, url: url, headers: headers, body: body)
    }

    func dryRunDump(_ endpoint: Endpoint, _ request: TransportRequest) -> DryRunRequest {
        let request = AuthMiddleware(header: configuration.apiKeyHeader, key: configuration.apiKey).authorize(request)
        var body: String?
        switch endpoint.body {
        case .json(let data):
            if let value = try? AsteroidJSON.makeDecoder().decode(JSONValue.self, from: data),
                let pretty = try? AsteroidJSON.makeEncoder(pretty: true).encode(value)
            {
                body = redactor.scrub(String(decoding: pretty, as: UTF8.self))
            } else {
                body = redactor.scrub(String(decoding: data, as: UTF8.self))
            }
        case .multipart(_, _, let summary):
            body = summary
        case nil:
            body = nil
        }
        return DryRunRequest(
            operation: endpoint.operation, method: request.method, url: redactor.scrub(request.url.absoluteString),
            headers: redactor.headerLines(request.headers), body: body)
    }

    /// The error for a response outside the expected statuses: JSON `ErrorBody` first, raw text otherwise.
    func httpError(_ endpoint: Endpoint, _ response: TransportResponse, attempts: Int) -> AsteroidError {
        var error = AsteroidError(
            kind: .http, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
            status: response.status, detail: HTTPStatusText.reason(response.status),
            retryAfterSeconds: RetryAfter.seconds(response.header("Retry-After"), now: Date()), attempts: attempts)
        if let body = try? AsteroidJSON.makeDecoder().decode(ErrorBody.self, from: response.body) {
            error.serverCode = body.code
            error.serverMessage = redactor.scrub(body.message)
            error.parameterErrors = body.errors ?? []
        } else {
            let text = String(decoding: response.body.prefix(2000), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            error.serverMessage = text.isEmpty ? nil : redactor.scrub(text)
        }
        if response.status == 401 {
            error.hint =
                configuration.apiKey == nil
                ? "No API key was sent: set ASTEROID_API_KEY."
                : "Check the API key (sent in header \(configuration.apiKeyHeader))."
        }
        return error
    }

    /// Decodes a JSON success body; a failure names the operation and what was wrong.
    func decode<T: Decodable>(
        _ type: T.Type, _ endpoint: Endpoint, _ response: TransportResponse
    ) throws(AsteroidError) -> T {
        // Executions and their pages (most of what a client reads) have a hand-written reader; anything
        // it does not expect goes to JSONDecoder, which gives the value or the error as always.
        if let fast = FastDecoding.decode(T.self, from: response.body) { return fast }
        do {
            return try AsteroidJSON.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw AsteroidError(
                kind: .decoding, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
                status: response.status, detail: redactor.scrub(DecodingProblem.describe(error, body: response.body)),
                attempts: 1,
                cause: error)
        }
    }

    /// `decode`, on a Dispatch worker when the body is large (a page of executions takes milliseconds to
    /// read). `ast` runs Swift concurrency on a single event loop thread: reading a page there would hold up
    /// everything else, and on a worker it overlaps with the pipeline working through the previous page.
    func decodeOffLoop<T: Decodable & Sendable>(
        _ type: T.Type, _ endpoint: Endpoint, _ response: TransportResponse
    ) async throws(AsteroidError) -> T {
        guard response.body.count >= Self.offLoopDecodeBytes else { return try decode(type, endpoint, response) }
        let result: Result<T, AsteroidError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: Result { () throws(AsteroidError) in
                        try self.decode(type, endpoint, response)
                    })
            }
        }
        return try result.get()
    }

    /// Bodies from this size on are read off the calling thread (a single execution is about 2 KB, a page of
    /// 100 about 200 KB).
    static let offLoopDecodeBytes = 32 << 10

    /// A text/plain success body (status update, user messages).
    func text(_ response: TransportResponse) -> String {
        String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Turns a `DecodingError` into one line: which field, what was expected.
enum DecodingProblem {
    static func describe(_ error: any Error, body: Data) -> String {
        let where_: (DecodingError.Context) -> String = { context in
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "the body" : "field \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = where_(context)
            return "missing required field \"\(key.stringValue)\"" + (parent == "the body" ? "" : " in \(parent)")
        case .typeMismatch(let type, let context):
            return "\(where_(context)) is not a \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(where_(context)) is null, expected \(type)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let start = String(decoding: body.prefix(80), as: UTF8.self)
                return body.isEmpty ? "the body is empty, expected JSON" : "the body is not JSON: \"\(start)\""
            }
            return "\(where_(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
