import Foundation

/// `Agents.Execution.TriggerContext`, discriminated by `source`.
///
/// An unknown `source` decodes to `.unknown` with the whole object kept, so it re-encodes unchanged.
public enum TriggerContext: Sendable, Hashable {
    case api(runner: TriggerRunner?, actor: TriggerActor?, apiKey: APIKeyRef?)
    case ui(runner: TriggerRunner?, actor: TriggerActor?)
    case schedule(ScheduleRef)
    case warmup(warmPoolId: String)
    case unknown(source: String, raw: [String: JSONValue])

    public var source: TriggerSource {
        switch self {
        case .api: .api
        case .ui: .ui
        case .schedule: .schedule
        case .warmup: .warmup
        case .unknown(let source, _): .unknown(source)
        }
    }
}

extension TriggerContext: Codable {
    enum CodingKeys: String, CodingKey { case source, runner, actor, apiKey, schedule, warmPoolId }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let source = try c.decode(String.self, forKey: .source)
        switch TriggerSource(rawValue: source) {
        case .api:
            self = .api(
                runner: try c.decodeIfPresent(TriggerRunner.self, forKey: .runner),
                actor: try c.decodeIfPresent(TriggerActor.self, forKey: .actor),
                apiKey: try c.decodeIfPresent(APIKeyRef.self, forKey: .apiKey))
        case .ui:
            self = .ui(
                runner: try c.decodeIfPresent(TriggerRunner.self, forKey: .runner),
                actor: try c.decodeIfPresent(TriggerActor.self, forKey: .actor))
        case .schedule:
            self = .schedule(try c.decode(ScheduleRef.self, forKey: .schedule))
        case .warmup:
            self = .warmup(warmPoolId: try c.decode(String.self, forKey: .warmPoolId))
        case .unknown:
            let raw = try decoder.singleValueContainer().decode([String: JSONValue].self)
            self = .unknown(source: source, raw: raw)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .unknown(_, let raw) = self {
            var single = encoder.singleValueContainer()
            try single.encode(raw)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source.rawValue, forKey: .source)
        switch self {
        case .api(let runner, let actor, let apiKey):
            try c.encodeIfPresent(runner, forKey: .runner)
            try c.encodeIfPresent(actor, forKey: .actor)
            try c.encodeIfPresent(apiKey, forKey: .apiKey)
        case .ui(let runner, let actor):
            try c.encodeIfPresent(runner, forKey: .runner)
            try c.encodeIfPresent(actor, forKey: .actor)
        case .schedule(let schedule):
            try c.encode(schedule, forKey: .schedule)
        case .warmup(let warmPoolId):
            try c.encode(warmPoolId, forKey: .warmPoolId)
        case .unknown:
            break
        }
    }
}

/// The user behind an api or ui trigger.
public struct TriggerRunner: Codable, Sendable, Hashable {
    public var userId: String
    public var email: String
    public var isAdmin: Bool?

    public init(userId: String, email: String, isAdmin: Bool? = nil) {
        self.userId = userId
        self.email = email
        self.isAdmin = isAdmin
    }
}

/// Who acted (newest API); with an org-level key there is no runner, only an actor.
/// Named `TriggerActor`, not `Actor`, so that it does not shadow the standard library's `Actor` protocol.
public struct TriggerActor: Codable, Sendable, Hashable {
    public var kind: ActorKind
    public var id: String
    public var client: ActorClient?

    public init(kind: ActorKind, id: String, client: ActorClient? = nil) {
        self.kind = kind
        self.id = id
        self.client = client
    }
}

/// The API key that triggered an execution.
public struct APIKeyRef: Codable, Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The schedule that triggered an execution.
public struct ScheduleRef: Codable, Sendable, Hashable {
    public var id: String
    public var cronExpression: String

    public init(id: String, cronExpression: String) {
        self.id = id
        self.cronExpression = cronExpression
    }
}
