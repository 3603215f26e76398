import AsteroidModels
import Foundation
import Hummingbird

/// An error the sandbox answers with, rendered like the real API: JSON `{code, message}` plus the
/// problem-details fields, or plain text for the operations whose errors are documented as text.
struct SandboxError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var errors: [ErrorBody.ParameterError]?
    var plainText = false
    var headers: HTTPFields = [:]

    init(
        _ status: HTTPResponse.Status, _ message: String, errors: [ErrorBody.ParameterError]? = nil,
        plainText: Bool = false
    ) {
        self.status = status
        self.message = message
        self.errors = errors
        self.plainText = plainText
    }

    static func badRequest(_ error: RequestValidationError, plainText: Bool = false) -> SandboxError {
        SandboxError(
            .badRequest, "Invalid request parameters: \(error.parameter): \(error.detail)",
            errors: [.init(parameter: error.parameter, detail: error.detail)], plainText: plainText)
    }

    static func badRequest(_ parameter: String, _ detail: String) -> SandboxError {
        badRequest(RequestValidationError(parameter, detail))
    }

    static let executionNotFound = SandboxError(.notFound, "Execution not found.")
    static let unauthorized = SandboxError(
        .unauthorized, "Missing or invalid API key: send it in X-Asteroid-Agents-Api-Key or X-Api-Key.")

    /// Turns a failed `JSONDecoder` run into a 400 naming the body field when possible.
    static func malformedBody(_ error: any Error) -> SandboxError {
        var parameter = "body"
        var detail = "the request body is not valid JSON for this operation"
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                if !path.isEmpty { parameter = path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") }
                detail = context.debugDescription
            case .keyNotFound(let key, let context):
                let path = (context.codingPath + [key]).map(\.stringValue)
                parameter = path.joined(separator: ".")
                detail = "is required"
            @unknown default:
                break
            }
        }
        return badRequest(parameter, detail)
    }

    /// The standard reason phrase (statuses made from a bare code have none).
    static func title(_ code: Int) -> String {
        let titles = [
            400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 409: "Conflict", 413: "Content Too Large", 422: "Unprocessable Content",
            429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout",
        ]
        return titles[code] ?? (code >= 500 ? "Server Error" : "Client Error")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response: Response
        if plainText {
            response = .text(message, status: status)
        } else {
            let body = ErrorBody(
                code: status.code, message: message, type: "about:blank", title: Self.title(status.code),
                status: status.code, detail: message, instance: request.uri.path, errors: errors)
            response = (try? Response.json(body, status: status)) ?? .text(message, status: status)
        }
        for field in headers { response.headers.append(field) }
        return response
    }
}

extension Response {
    /// A JSON response written with the shared `AsteroidJSON` encoder (the client's wire format).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try AsteroidJSON.makeEncoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// JSON that is already encoded (a stored execution body, a spliced page).
    static func rawJSON(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
