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
    public var operation: APIOperation
    public var method: String
    public var url: String
    /// Header lines, secrets replaced by `<redacted>`.
    public var headers: [String]
    /// The JSON body pretty-printed with sorted keys; a summary line for a multipart upload; `nil` when none.
    public var body: String?

    public init(operation: APIOperation, method: String, url: String, headers: [String], body: String?) {
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
