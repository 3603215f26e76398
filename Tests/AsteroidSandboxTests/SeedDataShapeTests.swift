import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

@Suite("seed data shape and fast JSON")
struct SeedDataShapeTests {
    static let anchor = Date(timeIntervalSince1970: 1_795_000_000)

    static func generate(_ count: Int, seed: UInt64 = 3) -> [ExecutionState] {
        let catalog = SeedCatalog(seed: seed, anchor: anchor)
        return SeedGenerator(catalog: catalog, seed: seed, anchor: anchor).executions(count: count)
    }

    @Test("the hand-written writer gives the shared encoder's bytes for every seeded execution")
    func writerMatchesEncoder() throws {
        let encoder = AsteroidJSON.makeEncoder()
        for state in Self.generate(1_500) {
            let expected = String(decoding: try encoder.encode(state.execution), as: UTF8.self)
            let written = ExecutionJSONWriter.json(state.execution)
            let same = zip(written.utf8, expected.utf8).prefix { $0 == $1 }.count
            #expect(
                written == expected,
                "differs at byte \(same): \(expected.utf8.dropFirst(max(0, same - 40)).prefix(80).map { Character(UnicodeScalar($0)) })"
            )
            if written != expected { break }
        }
    }

    @Test(
        "the writer escapes strings and spells numbers like the shared encoder",
        arguments: [
            JSONValue.string("quote \" backslash \\ slash / tab \t newline \n bell \u{07} é 🚀"),
            .double(342.00000023841858),
            .double(12), .double(-0.5), .int(-7), .array([.null, .bool(true), .object(["b": 1, "a": "x"])]),
        ])
    func writerEdgeCases(_ value: JSONValue) throws {
        let expected = String(decoding: try AsteroidJSON.makeEncoder().encode(value), as: UTF8.self)
        #expect(ExecutionJSONWriter.value(value) == expected)
    }

    static let runner = TriggerRunner(userId: "u-1", email: "a\\b@example.com", isAdmin: false)
    static let actor = TriggerActor(kind: .apiKey, id: "k-1", client: .unknown("astro/2"))

    @Test(
        "trigger contexts of every shape are written as the shared encoder writes them",
        arguments: [
            TriggerContext.api(runner: runner, actor: actor, apiKey: APIKeyRef(id: "k-1", name: "ci \"prod\"")),
            .api(runner: nil, actor: TriggerActor(kind: .person, id: "p"), apiKey: nil),
            .api(runner: nil, actor: nil, apiKey: nil),
            .ui(runner: TriggerRunner(userId: "u", email: "e"), actor: actor), .ui(runner: nil, actor: nil),
            .schedule(ScheduleRef(id: "s", cronExpression: "*/5 * * * *")), .warmup(warmPoolId: "w"),
            .unknown(source: "webhook", raw: ["source": "webhook", "hook": .object(["b": 1, "a": [true, nil]])]),
        ])
    func writerTriggers(_ trigger: TriggerContext) throws {
        var o = JSONBytes()
        trigger.writeJSON(into: &o)
        let expected = String(decoding: try AsteroidJSON.makeEncoder().encode(trigger), as: UTF8.self)
        #expect(String(decoding: o.bytes, as: UTF8.self) == expected)
    }

    @Test("activities are written as the shared encoder writes them")
    func writerActivities() throws {
        let at = Date(timeIntervalSince1970: 1_795_000_000.125)
        let activities = [
            Activity(
                id: "a1", executionId: "e1", timestamp: at,
                payload: ActivityPayload(.statusChanged, ["status": "running"])),
            Activity(
                id: "a2", executionId: "e1", timestamp: at,
                payload: ActivityPayload(
                    .unknown("x_new"),
                    [
                        "message": "line\nbreak / \u{1}", "stepNumber": 3,
                        "nested": .object(["z": 1.5, "a": .array([])]),
                    ])),
            Activity(
                id: "a3", executionId: "e1", timestamp: Date(timeIntervalSince1970: 0),
                payload: ActivityPayload(.generic)),
        ]
        for activity in activities {
            let expected = String(decoding: try AsteroidJSON.makeEncoder().encode(activity), as: UTF8.self)
            #expect(ExecutionJSONWriter.activity(activity) == expected)
        }
    }

    @Test("new ids are lowercase version-4 UUIDs, all different")
    func randomIDs() {
        let ids = (0..<2_000).map { _ in RandomID.uuid() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(200) {
            #expect(UUID(uuidString: id)?.uuidString.lowercased() == id)
            let chars = Array(id)
            #expect(chars[14] == "4")
            #expect("89ab".contains(chars[19]))
        }
    }

    @Test("about 15% of the runs fall in the 24 hours before the anchor, with timeout failures among them")
    func lastDay() {
        let states = Self.generate(2_000)
        let recent = states.map(\.execution).filter { $0.createdAt >= Self.anchor.addingTimeInterval(-86_400) }
        #expect((200...400).contains(recent.count))
        let timeouts = recent.filter { $0.status == .failed && $0.executionResult?.outcome.contains("timeout") == true }
        #expect(timeouts.count >= 5)
        #expect(states.allSatisfy { $0.execution.createdAt <= Self.anchor })
        #expect(zip(states, states.dropFirst()).allSatisfy { $0.execution.createdAt <= $1.execution.createdAt })
    }

    @Test("the default demo data (500) has several timeout failures in the last 24 hours")
    func defaultSeedLastDay() {
        let recent = Self.generate(500, seed: 1).map(\.execution)
            .filter { $0.createdAt >= Self.anchor.addingTimeInterval(-86_400) }
        #expect(
            recent.filter { $0.status == .failed && $0.executionResult?.outcome.contains("timeout") == true }.count >= 3
        )
    }
}
