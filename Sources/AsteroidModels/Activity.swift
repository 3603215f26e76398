import Foundation

/// An entry of an execution's activity feed (`GET /executions/{id}/activities`).
public struct Activity: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var executionId: String
    public var timestamp: Date
    public var payload: ActivityPayload

    public init(id: String, executionId: String, timestamp: Date, payload: ActivityPayload) {
        self.id = id
        self.executionId = executionId
        self.timestamp = timestamp
        self.payload = payload
    }
}

/// An activity payload, discriminated by `activityType`.
///
/// The kind is typed; the kind's own fields are kept as JSON, because the newest API has 19 kinds (and
/// dozens of nested action-detail kinds) that grow over time. Both wire shapes decode: the newest, flat
/// `{activityType, message, …}`, and the older envelope `{activityType, data: {message, …}}`. Encoding
/// always writes the flat shape.
public struct ActivityPayload: Sendable, Hashable {
    public var activityType: ActivityType
    public var fields: [String: JSONValue]

    public init(_ activityType: ActivityType, _ fields: [String: JSONValue] = [:]) {
        self.activityType = activityType
        self.fields = fields
    }

    public subscript(field: String) -> JSONValue? { fields[field] }

    /// `message` of generic, terminal, action and user-message payloads.
    public var message: String? { fields["message"]?.stringValue }
    /// `status` of a `status_changed` payload.
    public var status: ExecutionStatus? { fields["status"]?.stringValue.map(ExecutionStatus.init(rawValue:)) }
    /// `actionName` of action payloads (an open string: 71 values and growing).
    public var actionName: String? { fields["actionName"]?.stringValue }
    /// `stepNumber` of step payloads.
    public var stepNumber: Int? { fields["stepNumber"]?.intValue }
}

extension ActivityPayload: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        var object = try decoder.singleValueContainer().decode([String: JSONValue].self)
        guard let type = object.removeValue(forKey: "activityType")?.stringValue else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "activity payload without activityType"))
        }
        if case .object(let data)? = object["data"] {
            object.removeValue(forKey: "data")
            object.merge(data) { _, inner in inner }
        }
        self.init(ActivityType(rawValue: type), object)
    }

    public func encode(to encoder: any Encoder) throws {
        var object = fields
        object["activityType"] = .string(activityType.rawValue)
        var container = encoder.singleValueContainer()
        try container.encode(object)
    }
}
