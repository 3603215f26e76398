import AsteroidModels
import Foundation

/// A request that dry-run mode built but did not send, with the API key redacted.
///
/// `description` renders it like an HTTP message:
/// ```
/// POST https://odyssey.asteroid.ai/agents/v2/executions/3c90…/rerun
/// Accept: application/json, text/plain
/// X-Asteroid-Agents-Api-Key: <redacted>
///
/// {"inputs":{"city":"Paris"}}
/// ```
public struct DryRunRequest: Sendable, Hashable, CustomStringConvertible {
    public var operation: AsteroidModels.Operation
    public var method: String
    public var url: String
    /// Header lines, secrets replaced by `<redacted>`.
    public var headers: [String]
    /// The JSON body pretty-printed with sorted keys; a summary line for a multipart upload; `nil` when none.
    public var body: String?

    public init(operation: AsteroidModels.Operation, method: String, url: String, headers: [String], body: String?) {
        self.operation = operation
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public var description: String {
        var lines = ["\(method) \(url)"] + headers
        if let body { lines += ["", body] }
        return lines.joined(separator: "\n")
    }
}

/// Hides the API key in everything the client shows a person.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"
    /// Header names whose values are always hidden, whatever the configured key header is.
    static let secretHeaders: Set<String> = ["x-asteroid-agents-api-key", "x-api-key", "authorization", "cookie"]

    var apiKeyHeader: String
    var apiKey: String?

    func isSecret(_ headerName: String) -> Bool {
        let lower = headerName.lowercased()
        return lower == apiKeyHeader.lowercased() || Self.secretHeaders.contains(lower)
    }

    func headerLines(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name): \(isSecret($0.name) ? Self.placeholder : scrub($0.value))" }
    }

    /// Replaces every occurrence of the key in `text` (a server might echo it back).
    func scrub(_ text: String) -> String {
        guard let apiKey, apiKey.count >= 4, text.contains(apiKey) else { return text }
        return text.replacingOccurrences(of: apiKey, with: Self.placeholder)
    }
}
