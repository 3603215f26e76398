import AsteroidModels
import Foundation

/// One call of one operation, before it becomes bytes: the path filled in, query items, body.
struct Endpoint: Sendable {
    enum Body: Sendable {
        case json(Data)
        case multipart(Data, boundary: String, summary: String)
    }

    var operation: APIOperation
    var path: String
    var query: [(name: String, value: String)] = []
    var body: Body?
    /// Extra time on top of the configured timeout (long-polls).
    var extraTimeout: Duration = .zero

    init(
        _ operation: APIOperation, id: String? = nil, query: [(name: String, value: String)] = [],
        body: Body? = nil
    ) {
        self.operation = operation
        self.path = operation.path(id)
        self.query = query
        self.body = body
    }

    var method: String { operation.method }

    /// `/executions?status=failed&status=paused`, percent-encoded as sent.
    var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    /// Unreserved characters and `:` stay; everything else (`+`, `=`, `&`, spaces, non-ASCII) is encoded.
    static let allowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~:")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// One encoder for every request body (its settings never change; making one per request showed up in
    /// profiles of bulk reruns).
    private static let encoder = AsteroidJSON.makeEncoder()

    static func json<T: Encodable>(_ value: T, _ operation: APIOperation) throws(AsteroidError) -> Body {
        do {
            return .json(try encoder.encode(value))
        } catch {
            throw AsteroidError(
                kind: .validation, operation: operation, detail: "the body cannot be encoded as JSON: \(error)",
                field: "body", cause: error)
        }
    }
}
