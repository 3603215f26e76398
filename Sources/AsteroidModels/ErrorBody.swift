import Foundation

/// The API's error body: `{code, message}` always; the newest API adds RFC 9457 problem-details fields.
///
/// A client relies only on `code` and `message`. `code` is a JSON number and may arrive as `404.0`.
public struct ErrorBody: Codable, Sendable, Hashable {
    public var code: Int
    public var message: String
    public var type: String?
    public var title: String?
    public var status: Int?
    public var detail: String?
    public var instance: String?
    public var errors: [ParameterError]?
    public var reason: String?
    public var capability: String?
    public var used: Int?
    public var limit: Int?

    public struct ParameterError: Codable, Sendable, Hashable {
        public var parameter: String
        public var detail: String
        public init(parameter: String, detail: String) {
            self.parameter = parameter
            self.detail = detail
        }
    }

    public init(
        code: Int, message: String, type: String? = nil, title: String? = nil, status: Int? = nil,
        detail: String? = nil, instance: String? = nil, errors: [ParameterError]? = nil, reason: String? = nil,
        capability: String? = nil, used: Int? = nil, limit: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.errors = errors
        self.reason = reason
        self.capability = capability
        self.used = used
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case code, message, type, title, status, detail, instance, errors, reason, capability, used, limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let whole = try? c.decode(Int.self, forKey: .code) {
            code = whole
        } else {
            code = Int(try c.decode(Double.self, forKey: .code))
        }
        message = try c.decode(String.self, forKey: .message)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        detail = try c.decodeIfPresent(String.self, forKey: .detail)
        instance = try c.decodeIfPresent(String.self, forKey: .instance)
        errors = try c.decodeIfPresent([ParameterError].self, forKey: .errors)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        capability = try c.decodeIfPresent(String.self, forKey: .capability)
        used = try c.decodeIfPresent(Int.self, forKey: .used)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit)
    }
}
