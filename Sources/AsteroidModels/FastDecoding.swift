import Foundation

/// Executions and pages of them read without `Codable`: `list` decodes every execution of every page,
/// and `JSONDecoder`'s generic machinery was most of the client's time there. The fields are read by
/// hand with exactly the rules of the `Decodable` conformances (defaults, fallbacks, open enums,
/// RFC 3339 dates); any shape they do not expect (a wrong type, a missing required field, a number
/// `FastJSON` will not guess about) is a miss, and the caller decodes with `JSONDecoder`, which gives
/// the value or the error it always gave. `FastDecodingTests` holds the two paths equal.
package enum FastDecoding {
    /// `T` read from `data` if `T` is `Execution` or `Page<Execution>` and the fast path can read it; nil
    /// means "use `JSONDecoder`".
    package static func decode<T>(_ type: T.Type, from data: Data) -> T? {
        do {
            if T.self == Execution.self {
                return try execution(FastJSON.parse(data)) as? T
            }
            if T.self == Page<Execution>.self {
                return try page(FastJSON.parse(data)) as? T
            }
            if T.self == ExecuteResponse.self {
                return try executeResponse(FastJSON.parse(data)) as? T
            }
        } catch {
            return nil
        }
        return nil
    }

    typealias Miss = FastJSON.Miss

    static func page(_ value: JSONValue) throws(Miss) -> Page<Execution> {
        let o = try Fields(value)
        guard case .array(let items)? = o.raw("items") else { throw Miss() }
        var executions: [Execution] = []
        executions.reserveCapacity(items.count)
        for item in items { executions.append(try execution(item)) }
        return Page(
            items: executions, page: try o.required(o.int("page")), pageSize: try o.required(o.int("pageSize")),
            total: try o.required(o.int("total")))
    }

    /// The answer of execute and rerun (`{executionId}`; `status` in some versions).
    static func executeResponse(_ value: JSONValue) throws(Miss) -> ExecuteResponse {
        let o = try Fields(value)
        return ExecuteResponse(
            executionId: try o.required(o.string("executionId")),
            status: try o.string("status").map(ExecutionStatus.init(rawValue:)))
    }

    static func execution(_ value: JSONValue) throws(Miss) -> Execution {
        let o = try Fields(value)
        let workflowId: String
        if let id = try o.string("workflowId") {
            workflowId = id
        } else {
            workflowId = try o.required(o.string("agentId"))
        }
        let workflowName = try o.string("workflowName")
        return Execution(
            id: try o.required(o.string("id")), agentId: try o.string("agentId") ?? workflowId, workflowId: workflowId,
            workflowVersionId: try o.string("workflowVersionId"), workflowVersion: try o.int("workflowVersion"),
            workflowVersionPublished: try o.bool("workflowVersionPublished"),
            customEnvironmentId: try o.string("customEnvironmentId"),
            status: try o.string("status").map(ExecutionStatus.init(rawValue:)) ?? .unknown(""),
            createdAt: try o.required(o.date("createdAt")), startedAt: try o.date("startedAt"),
            terminalAt: try o.date("terminalAt"), organizationId: try o.string("organizationId") ?? "",
            agentName: try o.string("agentName") ?? workflowName ?? "", workflowName: workflowName,
            agentProfileId: try o.string("agentProfileId"), agentProfileName: try o.string("agentProfileName"),
            profileId: try o.string("profileId"), profileName: try o.string("profileName"),
            inputs: try o.object("inputs"), executionResult: try o.nested("executionResult", result),
            duration: try o.double("duration"), humanLabels: try o.list("humanLabels", label) ?? [],
            comments: try o.list("comments", comment) ?? [], metadata: try o.strings("metadata"),
            recordingUrl: try o.string("recordingUrl"), liveViewUrl: try o.string("liveViewUrl"),
            platformUrl: try o.string("platformUrl"), browserRecordingUrl: try o.string("browserRecordingUrl"),
            browserLiveViewUrl: try o.string("browserLiveViewUrl"),
            triggerContext: try o.nested("triggerContext", trigger),
            executionOptions: try o.nested("executionOptions", options),
            hasBeenRerun: try o.bool("hasBeenRerun") ?? false, parentExecutionId: try o.string("parentExecutionId"),
            scriptFailures: try o.list("scriptFailures", scriptFailure), purgedAt: try o.date("purgedAt"))
    }

    static func result(_ o: Fields) throws(Miss) -> ExecutionResult {
        ExecutionResult(
            id: try o.string("id") ?? "", executionId: try o.string("executionId") ?? "",
            outcome: try o.string("outcome") ?? "", reasoning: try o.string("reasoning") ?? "",
            result: o.raw("result") ?? .null, createdAt: try o.required(o.date("createdAt")))
    }

    static func label(_ o: Fields) throws(Miss) -> HumanLabel {
        HumanLabel(
            id: try o.required(o.string("id")), organizationId: try o.required(o.string("organizationId")),
            name: try o.required(o.string("name")), color: try o.required(o.string("color")),
            createdAt: try o.required(o.date("createdAt")))
    }

    static func comment(_ o: Fields) throws(Miss) -> Comment {
        Comment(
            id: try o.required(o.string("id")), executionId: try o.required(o.string("executionId")),
            userId: try o.required(o.string("userId")), content: try o.required(o.string("content")),
            public: try o.required(o.bool("public")), createdAt: try o.required(o.date("createdAt")),
            updatedAt: try o.date("updatedAt"))
    }

    static func options(_ o: Fields) throws(Miss) -> ExecutionOptions {
        ExecutionOptions(
            sharedStorageKey: try o.string("sharedStorageKey"), variantKey: try o.string("variantKey"),
            softTimeoutMins: try o.int("softTimeoutMins"))
    }

    static func scriptFailure(_ o: Fields) throws(Miss) -> ScriptFailure {
        ScriptFailure(
            occurredAt: try o.required(o.date("occurredAt")), nodeId: try o.string("nodeId"),
            nodeName: try o.string("nodeName"), scriptFilepath: try o.string("scriptFilepath"),
            error: try o.string("error"), failedLine: try o.int("failedLine"), step: try o.int("step"),
            actionId: try o.string("actionId"))
    }

    static func trigger(_ o: Fields) throws(Miss) -> TriggerContext {
        let source = try o.required(o.string("source"))
        switch TriggerSource(rawValue: source) {
        case .api:
            return .api(
                runner: try o.nested("runner", runner), actor: try o.nested("actor", actor),
                apiKey: try o.nested("apiKey") { k throws(Miss) in
                    APIKeyRef(id: try k.required(k.string("id")), name: try k.required(k.string("name")))
                })
        case .ui:
            return .ui(runner: try o.nested("runner", runner), actor: try o.nested("actor", actor))
        case .schedule:
            let schedule = try o.required(
                o.nested("schedule") { s throws(Miss) in
                    ScheduleRef(
                        id: try s.required(s.string("id")), cronExpression: try s.required(s.string("cronExpression")))
                })
            return .schedule(schedule)
        case .warmup:
            return .warmup(warmPoolId: try o.required(o.string("warmPoolId")))
        case .unknown:
            return .unknown(source: source, raw: o.members)
        }
    }

    static func runner(_ o: Fields) throws(Miss) -> TriggerRunner {
        TriggerRunner(
            userId: try o.required(o.string("userId")), email: try o.required(o.string("email")),
            isAdmin: try o.bool("isAdmin"))
    }

    static func actor(_ o: Fields) throws(Miss) -> TriggerActor {
        TriggerActor(
            kind: ActorKind(rawValue: try o.required(o.string("kind"))), id: try o.required(o.string("id")),
            client: try o.string("client").map(ActorClient.init(rawValue:)))
    }

    /// An object's members, read the way `decode` / `decodeIfPresent` read them: absent or `null` is nil
    /// for optional reads, a value of the wrong kind is a miss.
    struct Fields {
        let members: [String: JSONValue]

        init(_ value: JSONValue) throws(Miss) {
            guard case .object(let members) = value else { throw Miss() }
            self.members = members
        }

        func raw(_ key: String) -> JSONValue? {
            guard let value = members[key], value != .null else { return nil }
            return value
        }

        func required<T>(_ value: T?) throws(Miss) -> T {
            guard let value else { throw Miss() }
            return value
        }

        /// The value at `key` as `extract` sees it: nil when absent or `null`, a miss when of another kind.
        func read<T>(_ key: String, _ extract: (JSONValue) -> T?) throws(Miss) -> T? {
            guard let value = raw(key) else { return nil }
            guard let read = extract(value) else { throw Miss() }
            return read
        }

        func string(_ key: String) throws(Miss) -> String? { try read(key, \.stringValue) }
        func bool(_ key: String) throws(Miss) -> Bool? { try read(key, \.boolValue) }
        /// An integer or a fraction, as `JSONDecoder` reads a `Double`.
        func double(_ key: String) throws(Miss) -> Double? { try read(key, \.doubleValue) }
        func object(_ key: String) throws(Miss) -> [String: JSONValue]? { try read(key, \.objectValue) }

        /// Only an integer: `JSONValue.intValue` would also take an integral double.
        func int(_ key: String) throws(Miss) -> Int? {
            try read(key) { value in
                if case .int(let n) = value { return n }
                return nil
            }
        }

        func date(_ key: String) throws(Miss) -> Date? {
            guard let text = try string(key) else { return nil }
            guard let date = RFC3339.parse(text) else { throw Miss() }
            return date
        }

        func strings(_ key: String) throws(Miss) -> [String: String]? {
            guard let members = try object(key) else { return nil }
            var out: [String: String] = [:]
            for (name, value) in members {
                guard let text = value.stringValue else { throw Miss() }
                out[name] = text
            }
            return out
        }

        func nested<T>(_ key: String, _ make: (Fields) throws(Miss) -> T) throws(Miss) -> T? {
            guard let value = raw(key) else { return nil }
            return try make(Fields(value))
        }

        func list<T>(_ key: String, _ make: (Fields) throws(Miss) -> T) throws(Miss) -> [T]? {
            switch raw(key) {
            case nil: return nil
            case .array(let items)?:
                var out: [T] = []
                out.reserveCapacity(items.count)
                for item in items { out.append(try make(Fields(item))) }
                return out
            default: throw Miss()
            }
        }
    }
}
