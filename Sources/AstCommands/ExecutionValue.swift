import AstRuntime
import AsteroidModels
import Foundation

/// `APIValues.value(execution)` written out field by field. `list` converts every execution of every
/// page, and the generic path (encode the model through `Encoder` boxes, sort the keys, reorder them
/// by the schema, format each timestamp and parse it back) costs more than decoding the page did.
/// This gives the same value, field for field: `ExecutionValueTests` compares the two over the
/// sandbox's demo data and the wire fixtures. Rare parts (options, script failures, a trigger context
/// of a kind this build does not know) still go through the generic path.
enum ExecutionValue {
    static func make(_ e: Execution) -> Value {
        var p: [(key: String, value: Value)] = []
        p.reserveCapacity(40)
        func add(_ key: String, _ value: String?) { if let value { p.append((key, .string(value))) } }
        func add(_ key: String, _ value: Date?) { if let value { p.append((key, time(value))) } }
        add("id", e.id)
        add("agentId", e.agentId)
        add("workflowId", e.workflowId)
        add("workflowVersionId", e.workflowVersionId)
        if let v = e.workflowVersion { p.append(("workflowVersion", .int(v))) }
        if let v = e.workflowVersionPublished { p.append(("workflowVersionPublished", .bool(v))) }
        add("customEnvironmentId", e.customEnvironmentId)
        add("status", e.status.rawValue)
        add("createdAt", e.createdAt)
        add("startedAt", e.startedAt)
        add("terminalAt", e.terminalAt)
        add("organizationId", e.organizationId)
        add("agentName", e.agentName)
        add("workflowName", e.workflowName)
        add("agentProfileId", e.agentProfileId)
        add("agentProfileName", e.agentProfileName)
        add("profileId", e.profileId)
        add("profileName", e.profileName)
        if let v = e.inputs { p.append(("inputs", json(.object(v), field: "inputs"))) }
        if let r = e.executionResult {
            let fields: [(key: String, value: Value)] = [
                ("id", .string(r.id)), ("executionId", .string(r.executionId)), ("outcome", .string(r.outcome)),
                ("reasoning", .string(r.reasoning)), ("result", json(r.result, field: "result")),
                ("createdAt", time(r.createdAt)),
            ]
            p.append(("executionResult", .record(Record(distinctKeys: fields, schema: APISchemas.executionResult))))
        }
        if let v = e.duration { p.append(("duration", .duration(v))) }
        p.append(("humanLabels", .list(e.humanLabels.map(label))))
        p.append(("comments", .list(e.comments.map(comment))))
        if let v = e.metadata {
            let sorted = v.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            p.append(
                ("metadata", .record(Record(distinctKeys: sorted.map { ($0.key, string($0.value, field: $0.key)) }))))
        }
        add("recordingUrl", e.recordingUrl)
        add("liveViewUrl", e.liveViewUrl)
        add("platformUrl", e.platformUrl)
        add("browserRecordingUrl", e.browserRecordingUrl)
        add("browserLiveViewUrl", e.browserLiveViewUrl)
        if let v = e.triggerContext { p.append(("triggerContext", trigger(v))) }
        if let v = e.executionOptions {
            p.append(("executionOptions", generic(v, schema: APISchemas.executionOptions, field: "executionOptions")))
        }
        p.append(("hasBeenRerun", .bool(e.hasBeenRerun)))
        add("parentExecutionId", e.parentExecutionId)
        if let v = e.scriptFailures {
            p.append(("scriptFailures", generic(v, schema: APISchemas.scriptFailure, field: "scriptFailures")))
        }
        add("purgedAt", e.purgedAt)
        return .record(Record(distinctKeys: p, schema: APISchemas.execution))
    }

    /// Keys in code-unit order at every level, as the generic path leaves them.
    static func trigger(_ t: TriggerContext) -> Value {
        func record(_ fields: [(key: String, value: Value)]) -> Value { .record(Record(distinctKeys: fields)) }
        func runner(_ r: TriggerRunner) -> Value {
            var fields: [(key: String, value: Value)] = [("email", .string(r.email))]
            if let admin = r.isAdmin { fields.append(("isAdmin", .bool(admin))) }
            fields.append(("userId", .string(r.userId)))
            return record(fields)
        }
        func actor(_ a: TriggerActor) -> Value {
            var fields: [(key: String, value: Value)] = []
            if let client = a.client { fields.append(("client", .string(client.rawValue))) }
            fields += [("id", .string(a.id)), ("kind", .string(a.kind.rawValue))]
            return record(fields)
        }
        var p: [(key: String, value: Value)] = []
        switch t {
        case .api(let r, let a, let key):
            if let a { p.append(("actor", actor(a))) }
            if let key { p.append(("apiKey", record([("id", .string(key.id)), ("name", .string(key.name))]))) }
            if let r { p.append(("runner", runner(r))) }
        case .ui(let r, let a):
            if let a { p.append(("actor", actor(a))) }
            if let r { p.append(("runner", runner(r))) }
        case .schedule(let s):
            p.append(("schedule", record([("cronExpression", .string(s.cronExpression)), ("id", .string(s.id))])))
        case .warmup: break
        case .unknown: return generic(t, schema: nil, field: "triggerContext")
        }
        p.append(("source", .string(t.source.rawValue)))
        if case .warmup(let pool) = t { p.append(("warmPoolId", .string(pool))) }
        return record(p)
    }

    static func label(_ l: HumanLabel) -> Value {
        .record(
            Record(
                distinctKeys: [
                    ("id", .string(l.id)), ("organizationId", .string(l.organizationId)), ("name", .string(l.name)),
                    ("color", .string(l.color)), ("createdAt", time(l.createdAt)),
                ], schema: APISchemas.humanLabel))
    }

    static func comment(_ c: Comment) -> Value {
        var fields: [(key: String, value: Value)] = [
            ("id", .string(c.id)), ("executionId", .string(c.executionId)), ("userId", .string(c.userId)),
            ("content", .string(c.content)), ("public", .bool(c.public)), ("createdAt", time(c.createdAt)),
        ]
        if let updated = c.updatedAt { fields.append(("updatedAt", time(updated))) }
        return .record(Record(distinctKeys: fields, schema: APISchemas.comment))
    }

    /// A timestamp as the generic path leaves it: written as RFC 3339 (to the millisecond) and read back.
    static func time(_ date: Date) -> Value { .time(RFC3339.millisecondPrecision(date)) }

    /// Free-form JSON (inputs, a result, metadata values) as the generic path shapes it: object keys in
    /// code-unit order, integral doubles as integers, and strings or numbers under time or duration
    /// field names converted like any API field.
    static func json(_ value: JSONValue, field: String?) -> Value {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .string(let s): return string(s, field: field)
        case .int(let n): return field.map(APISchemas.durationFields.contains) ?? false ? .duration(Double(n)) : .int(n)
        case .double(let d):
            // What JSON text would say: an integral double is written (and read back) as an integer.
            return field.map(APISchemas.durationFields.contains) ?? false ? .duration(d) : number(d)
        case .array(let items): return .list(items.map { json($0, field: field) })
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .record(Record(distinctKeys: sorted.map { ($0.key, json($0.value, field: $0.key)) }))
        }
    }

    static func string(_ s: String, field: String?) -> Value {
        if let field, APISchemas.timeFields.contains(field), let date = RFC3339.parse(s) { return .time(date) }
        return .string(s)
    }

    static func number(_ d: Double) -> Value {
        (try? ValueEncoding.number(d, codingPath: [])) ?? .float(d)
    }

    static func generic(_ model: some Encodable, schema: Schema?, field: String) -> Value {
        guard let value = try? ValueEncoder.encode(model) else { return .null }
        return APIValues.shape(value, schema: schema, field: field)
    }
}
