import AstRuntime
import AsteroidModels
import Foundation
import SnapshotSupport
import Testing

@testable import AstCommands
@testable import AsteroidSandbox

/// The field-by-field execution converter must give exactly what the generic path gives (encode the
/// model, sort, reorder by schema, convert times and durations): same kinds, same key order, same
/// schemas, same instants.
@Suite("execution values: fast converter = generic path")
struct ExecutionValueTests {
    static let anchor = Date(timeIntervalSince1970: 1_795_000_000.123_456)

    /// Exact sameness: the kind of every value (an int is not a float), key order, schema names.
    static func difference(_ a: Value, _ b: Value, path: String = "") -> String? {
        switch (a, b) {
        case (.record(let x), .record(let y)):
            guard x.keys == y.keys else { return "\(path): keys \(x.keys) vs \(y.keys)" }
            guard x.schema?.name == y.schema?.name else {
                return "\(path): schema \(x.schema?.name ?? "-") vs \(y.schema?.name ?? "-")"
            }
            for key in x.keys {
                if let d = difference(x[key] ?? .null, y[key] ?? .null, path: path + "." + key) { return d }
            }
            return nil
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) items" }
            for (i, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p, q, path: path + "[\(i)]") { return d }
            }
            return nil
        case (.int(let x), .int(let y)) where x == y: return nil
        case (.float(let x), .float(let y)) where x == y: return nil
        case (.time(let x), .time(let y)) where x == y: return nil
        case (.duration(let x), .duration(let y)) where x == y: return nil
        case (.int, _), (.float, _), (.time, _), (.duration, _):
            return "\(path): \(a.typeName) \(a.literal) vs \(b.typeName) \(b.literal)"
        default:
            return a.typeName == b.typeName && a.isEqual(to: b)
                ? nil : "\(path): \(a.typeName) \(a.literal) vs \(b.typeName) \(b.literal)"
        }
    }

    static func check(_ e: Execution) {
        let fast = ExecutionValue.make(e)
        let generic = APIValues.convert(e, schema: APISchemas.execution)
        let d = difference(fast, generic)
        #expect(d == nil, "execution \(e.id): \(d ?? "")")
    }

    @Test("every execution of the demo data")
    func demoData() {
        let catalog = SeedCatalog(seed: 11, anchor: Self.anchor)
        for state in SeedGenerator(catalog: catalog, seed: 11, anchor: Self.anchor).executions(count: 3_000) {
            Self.check(state.execution)
        }
    }

    @Test(
        "edge shapes: seed-era fields missing, odd numbers and times inside free-form JSON, sub-millisecond times",
        arguments: [
            #"{"id":"a","agentId":"w","createdAt":"2025-01-02T03:04:05Z"}"#,
            #"{"id":"b","workflowId":"w","status":"brand_new","createdAt":"2025-01-02T03:04:05.123456+02:00","duration":12.0,"inputs":{"createdAt":"2025-01-01T00:00:00Z","duration":3,"f":1.0,"g":1.5,"n":[1,2.0,{"updatedAt":"x"}],"z":null,"é":true,"B":"b"},"metadata":{"timestamp":"2024-05-05T05:05:05Z","b":"2","a":"1"}}"#,
            #"{"id":"c","workflowId":"w","status":"failed","createdAt":"2025-01-02T03:04:05.9996Z","duration":0.25,"executionResult":{"createdAt":"2025-01-02T03:04:06.5Z","result":null},"comments":[{"id":"k","executionId":"c","userId":"u","content":"hi","public":true,"createdAt":"2025-01-02T03:04:05Z","updatedAt":"2025-01-03T03:04:05.001Z"},{"id":"k2","executionId":"c","userId":"u","content":"x","public":false,"createdAt":"2025-01-02T03:04:05Z"}],"humanLabels":[{"id":"l","organizationId":"o","name":"n","color":"red","createdAt":"2025-01-02T03:04:05.5Z"}]}"#,
            #"{"id":"d","workflowId":"w","status":"completed","createdAt":"2025-01-02T03:04:05Z","executionResult":{"id":"r","executionId":"d","outcome":"success","reasoning":"ok","result":{"items":[{"duration":2.5,"createdAt":"2025-01-01T00:00:00Z"}],"total":3.0},"createdAt":"2025-01-02T03:04:06Z"},"triggerContext":{"source":"schedule","schedule":{"id":"s","name":"nightly","cronExpression":"0 3 * * *"}},"executionOptions":{"softTimeoutMins":5,"sharedStorageKey":"k"},"scriptFailures":[{"occurredAt":"2025-01-02T03:04:05.25Z","nodeId":"n1","failedLine":3}],"purgedAt":"2025-02-02T00:00:00Z","hasBeenRerun":true,"parentExecutionId":"p","workflowVersion":3,"workflowVersionPublished":false}"#,
            #"{"id":"e","workflowId":"w","status":"running","createdAt":"1969-12-31T23:59:59.5Z","triggerContext":{"source":"future_source","extra":{"a":[1,2]}},"inputs":{}}"#,
            #"{"id":"f","workflowId":"w","status":"running","createdAt":"2025-01-02T03:04:05Z","triggerContext":{"source":"api","runner":{"userId":"u","email":"e@x","isAdmin":true},"actor":{"kind":"api_key","id":"k","client":"cli"},"apiKey":{"id":"k","name":"ci"}}}"#,
            #"{"id":"g","workflowId":"w","status":"running","createdAt":"2025-01-02T03:04:05Z","triggerContext":{"source":"ui","actor":{"kind":"robot","id":"r"}}}"#,
            #"{"id":"h","workflowId":"w","status":"running","createdAt":"2025-01-02T03:04:05Z","triggerContext":{"source":"warmup","warmPoolId":"wp"}}"#,
        ])
    func edgeShapes(_ json: String) throws {
        Self.check(try AsteroidJSON.makeDecoder().decode(Execution.self, from: Data(json.utf8)))
    }

    @Test("millisecond rounding is exactly what writing the time and reading it back gives")
    func millisecondPrecision() {
        var random = TestRandom()
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &random))
            #expect(
                RFC3339.millisecondPrecision(date) == RFC3339.parse(RFC3339.format(date)),
                "seed \(random.seed) (TEST_SEED replays it)")
        }
    }
}
