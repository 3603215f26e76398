import AstRuntime
import AsteroidModels
import Foundation
import Testing

@testable import AstCommands
@testable import AsteroidSandbox

/// The execution shape is written down by hand in several places: the `Codable` conformance, the
/// client's `FastDecoding`, the sandbox's `ExecutionJSONWriter` and its SQLite rows, and `ExecutionValue`.
/// The differential tests elsewhere compare them over fixtures, so they only catch drift in fields some
/// fixture happens to set. Here one execution has EVERY field set (checked by reflection: a field added
/// to the model without a value here fails `fixtureIsFull`), and each path must give it back whole.
@Suite("execution shape: every path keeps every field")
struct ExecutionShapeTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000.125)
    static let later = Date(timeIntervalSince1970: 1_795_000_060.5)

    static let full = Execution(
        id: "0b5e7a2c-full", agentId: "agent-1", workflowId: "workflow-1", workflowVersionId: "wv-1",
        workflowVersion: 7, workflowVersionPublished: true, customEnvironmentId: "env-1", status: .failed,
        createdAt: at, startedAt: at.addingTimeInterval(1), terminalAt: later, organizationId: "org-1",
        agentName: "Agent One", workflowName: "Workflow One", agentProfileId: "ap-1", agentProfileName: "Profile A",
        profileId: "p-1", profileName: "Profile P",
        inputs: ["name": "Ada", "count": 3, "ratio": 1.5, "ok": true, "nested": .object(["list": [1, "two"]])],
        executionResult: ExecutionResult(
            id: "r-1", executionId: "0b5e7a2c-full", outcome: "failure", reasoning: "timed out",
            result: .object(["code": 504]), createdAt: later),
        duration: 59.375,
        humanLabels: [HumanLabel(id: "l-1", organizationId: "org-1", name: "flaky", color: "#FF5733", createdAt: at)],
        comments: [
            Comment(
                id: "c-1", executionId: "0b5e7a2c-full", userId: "u-1", content: "look", public: true, createdAt: at,
                updatedAt: later)
        ],
        metadata: ["team": "qa", "ticket": "T-9"], recordingUrl: "https://r.example/1",
        liveViewUrl: "https://l.example/1",
        platformUrl: "https://p.example/1", browserRecordingUrl: "https://br.example/1",
        browserLiveViewUrl: "https://bl.example/1",
        triggerContext: .api(
            runner: TriggerRunner(userId: "u-1", email: "a@example.com", isAdmin: true),
            actor: TriggerActor(kind: .apiKey, id: "k-1", client: .cli), apiKey: APIKeyRef(id: "k-1", name: "ci")),
        executionOptions: ExecutionOptions(sharedStorageKey: "shared", variantKey: "variant", softTimeoutMins: 15),
        hasBeenRerun: true, parentExecutionId: "parent-1",
        scriptFailures: [
            ScriptFailure(
                occurredAt: later, nodeId: "n-1", nodeName: "login", scriptFilepath: "scripts/login.ts",
                error: "selector not found", failedLine: 12, step: 4, actionId: "act-1")
        ],
        purgedAt: later.addingTimeInterval(3600))

    /// Paths to the parts of `value` left at a default: nil, an empty string or collection, `false`.
    static func unset(_ value: Any, path: String) -> [String] {
        if let b = value as? Bool { return b ? [] : [path] }
        if let s = value as? String { return s.isEmpty ? [path] : [] }
        if value is Date { return [] }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let child = mirror.children.first else { return [path] }
            return unset(child.value, path: path)
        case .collection, .dictionary, .set:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.enumerated().flatMap { unset($0.element.value, path: path + "[\($0.offset)]") }
        case .struct, .tuple, .enum, .class:
            return mirror.children.enumerated().flatMap { i, child in
                unset(child.value, path: path + "." + (child.label ?? "\(i)"))
            }
        default: return []
        }
    }

    @Test("the fixture sets every field of the model, at every level")
    func fixtureIsFull() {
        let fields = Mirror(reflecting: Self.full).children.compactMap(\.label)
        #expect(Set(fields) == Set(Execution.fieldNames), "stored properties and CodingKeys differ")
        #expect(
            Self.unset(Self.full, path: "execution").isEmpty, "left unset: \(Self.unset(Self.full, path: "execution"))")
    }

    @Test("the completeness check sees a field left at its default, at any level")
    func unsetFindsDefaults() {
        var e = Self.full
        e.purgedAt = nil
        e.hasBeenRerun = false
        e.executionOptions?.variantKey = nil
        e.comments[0].updatedAt = nil
        #expect(
            Self.unset(e, path: "execution").sorted() == [
                "execution.comments[0].updatedAt", "execution.executionOptions.variantKey", "execution.hasBeenRerun",
                "execution.purgedAt",
            ])
    }

    @Test("the shared encoder's JSON reads back whole through FastDecoding and JSONDecoder")
    func encoderToDecoders() throws {
        let data = try AsteroidJSON.makeEncoder().encode(Self.full)
        #expect(FastDecoding.decode(Execution.self, from: data) == Self.full)
        #expect(try AsteroidJSON.makeDecoder().decode(Execution.self, from: data) == Self.full)
        let page = try AsteroidJSON.makeEncoder().encode(Page(items: [Self.full], page: 1, pageSize: 1, total: 1))
        #expect(FastDecoding.decode(Page<Execution>.self, from: page)?.items == [Self.full])
    }

    @Test("the sandbox's hand-written writer keeps every field (and writes the encoder's bytes)")
    func writerKeepsEverything() throws {
        let written = ExecutionJSONWriter.json(Self.full)
        #expect(written == String(decoding: try AsteroidJSON.makeEncoder().encode(Self.full), as: UTF8.self))
        #expect(try AsteroidJSON.makeDecoder().decode(Execution.self, from: Data(written.utf8)) == Self.full)
        #expect(FastDecoding.decode(Execution.self, from: Data(written.utf8)) == Self.full)
    }

    @Test("the language's execution value has every field, as the generic path gives it")
    func valueKeepsEverything() throws {
        let value = ExecutionValue.make(Self.full)
        guard case .record(let record) = value else {
            Issue.record("not a record: \(value.typeName)")
            return
        }
        #expect(record.keys == Execution.fieldNames)
        let generic = APIValues.convert(Self.full, schema: APISchemas.execution)
        let difference = ExecutionValueTests.difference(value, generic)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("the sandbox's store gives back what it was given")
    func storeKeepsEverything() async throws {
        let repository = SQLiteRepository(writer: try SandboxDatabase.open(path: ":memory:"))
        let state = ExecutionState(
            seq: 0, execution: Self.full, live: nil, deleted: false, seeded: false, batchId: "b-1")
        try await repository.insert(state, activities: [], attaching: [])
        let back = try await repository.execution(Self.full.id)
        #expect(back?.execution == Self.full)
        let raw = try await repository.executionJSON(Self.full.id)
        let decoded = try raw.map { try AsteroidJSON.makeDecoder().decode(Execution.self, from: Data($0.utf8)) }
        #expect(decoded == Self.full)
    }
}
