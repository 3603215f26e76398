import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation

/// `http get|post|put|delete URL [BODY] [headers={…}] [timeout=30s] [retries=2]`: a general HTTP call with
/// JSON in and out, for webhooks and internal services.
///
/// The body (any value) is sent as JSON. A JSON answer becomes a value, any other a string; an empty one
/// is null. Idempotent calls (get, put, delete) are retried on a connection failure, a timeout, 429, 502,
/// 503 and 504 (waiting as `Retry-After` says, else 0.5 s, 1 s, 2 s…); post only when the connection
/// could not be opened (nothing was sent). Any status outside 2xx is an error naming it. Header values
/// are never printed (they often carry tokens); errors show the URL without its query.
struct HttpCommand: Command {
    static let methods = ["get", "post", "put", "delete"]

    let signature = Signature(
        "http", "call an HTTP endpoint: JSON in and out (get, post, put, delete)", category: "api",
        positionals: [
            ParamSpec("method", .string, "get, post, put or delete", required: true, choices: HttpCommand.methods),
            ParamSpec("url", .string, "an http or https URL", required: true),
            ParamSpec("body", .any, "sent as JSON (post, put)"),
        ],
        named: [
            ParamSpec("headers", .record, "extra request headers, e.g. {Authorization: $env.HOOK_TOKEN}"),
            ParamSpec("timeout", .duration, "for the whole answer (default 30s)"),
            ParamSpec("retries", .int, "retries of an idempotent call (default 2)"),
        ],
        examples: [
            Example(
                #"http post https://hooks.example.com/T0/B0 {text: "reran 3 executions"}"#, "post to a chat webhook"),
            Example("http get https://status.example.com/api/v1/summary | .status", "read a JSON answer"),
        ],
        effects: [.network])

    func run(_ call: Invocation) async throws -> Value {
        let method = (call.positional(0)?.text ?? "").lowercased()
        guard Self.methods.contains(method) else {
            throw call.error(
                "http: the method must be get, post, put or delete, got '\(method)'", argument: "method",
                code: DiagnosticCode.badArgument)
        }
        let text = call.positional(1)?.text ?? ""
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw call.error(
                "http: '\(text)' is not an http or https URL", argument: "url", code: DiagnosticCode.badArgument)
        }
        let timeout = call.named["timeout"]?.durationValue ?? 30
        guard timeout > 0, timeout <= 3600 else {
            throw call.error(
                "http: timeout must be between 0 and 1h", argument: "timeout", code: DiagnosticCode.badArgument)
        }
        let retries = call.named["retries"]?.intValue ?? 2
        guard (0...10).contains(retries) else {
            throw call.error("http: retries must be 0–10", argument: "retries", code: DiagnosticCode.badArgument)
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json, text/plain;q=0.9, */*;q=0.8")]
        var body: Data?
        if let value = call.positional(2) {
            body = Data(JSONText.encode(value).utf8)
            headers.append(("Content-Type", "application/json"))
        }
        if case .record(let extra)? = call.named["headers"] {
            for (name, value) in extra.pairs {
                headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                headers.append((name, value.text))
            }
        }
        let request = TransportRequest(method: method.uppercased(), url: url, headers: headers, body: body)
        let response = try await HttpCall(request: request, timeout: timeout, retries: method == "post" ? 0 : retries)
            .send(call)
        return try Self.value(of: response, request: request, call: call)
    }

    /// The answer as a value, or the error its status means.
    static func value(of response: TransportResponse, request: TransportRequest, call: Invocation) throws -> Value {
        let text = String(decoding: response.body, as: UTF8.self)
        let isJSON = response.header("Content-Type")?.lowercased().contains("json") ?? false
        guard (200...299).contains(response.status) else {
            let excerpt = text.count > 300 ? String(text.prefix(300)) + "…" : text
            throw RuntimeError(
                call.error(
                    "http: \(request.method) \(HttpCall.shown(request.url)): "
                        + "\(response.status) \(HTTPStatusText.reason(response.status))"
                        + (excerpt.isEmpty ? "" : ": \(excerpt)")
                ).diagnostic,
                details: [("status", .int(response.status))])
        }
        if response.body.isEmpty { return .null }
        if isJSON || text.first == "{" || text.first == "[" {
            if let value = try? JSONText.decode(data: response.body) { return value }
            if isJSON { throw call.error("http: \(HttpCall.shown(request.url)) answered invalid JSON") }
        }
        return .string(text)
    }
}
