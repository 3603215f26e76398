import AstRuntime

/// What a change yields under `--dry-run`, where the API made nothing, so the rest of a script runs on.
/// A new execution (`execute`, `rerun`) is a record shaped like one (`{id: "dry-run-1", …, status:
/// "dry-run", dryRun: true}`, with the execution schema, so the fields it lacks read as null); a status
/// change or a message is the record it would have yielded, marked the same way. Ids come from the
/// session's one counter (`APIService.nextDryRunId`) and never look like execution ids; `wait` passes
/// `dryRun: true` records through without a request.
enum DryRunPlaceholder {
    static let prefix = "dry-run-"

    /// A placeholder for a new execution.
    static func execution(_ api: APIService, fields: [(String, Value)]) -> Value {
        let pairs = [("id", Value.string(api.nextDryRunId()))] + fields + marks
        return .record(Record(pairs, schema: APISchemas.execution))
    }

    /// A placeholder for a change that makes no execution (cancel, pause, resume, message).
    static func change(_ fields: [(String, Value)]) -> Value {
        .record(Record(fields + marks))
    }

    private static let marks: [(String, Value)] = [("status", .string("dry-run")), ("dryRun", .bool(true))]
}
