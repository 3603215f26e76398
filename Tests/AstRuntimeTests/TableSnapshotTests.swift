import AstRuntime
import Foundation
import SnapshotSupport
import Testing

/// Rendered tables compared with files in Snapshots/ (re-record with AST_RECORD=1).
@Suite struct TableSnapshotTests {
    static let schema = Schema(
        name: "execution", fields: ["id", "agentName", "status", "executionResult", "createdAt", "duration"],
        columns: [
            ("id", "id"), ("agent", "agentName"), ("status", "status"), ("outcome", "executionResult.outcome"),
            ("created", "createdAt"), ("duration", "duration"),
        ])

    static func execution(_ id: String, _ agent: String, _ status: String, _ outcome: String?, _ minutes: Double?)
        -> Value
    {
        var record = Record(schema: schema)
        record["id"] = .string(id)
        record["agentName"] = .string(agent)
        record["status"] = .string(status)
        if let outcome { record["executionResult"] = .record(Record([("outcome", .string(outcome))])) }
        record["createdAt"] = .time(Date(timeIntervalSince1970: 1_793_527_200))
        if let minutes { record["duration"] = .duration(minutes * 60) }
        return .record(record)
    }

    static let executions: Value = .list([
        execution("3c90c3cc-0d44-4b50-8888-8dd25736052a", "invoice-bot", "completed", "success", 3.5),
        execution(
            "9a1b2c3d-0d44-4b50-8888-000000000001", "a-very-long-agent-name-that-will-not-fit", "failed",
            "timeout while waiting for the portal to answer", 12),
        execution("77aa88bb-0d44-4b50-8888-000000000002", "invoice-bot", "running", nil, nil),
    ])

    @Test(arguments: [120, 80, 50])
    func executionsTable(width: Int) throws {
        try snapshots.assert(
            Table.render(Self.executions, width: width, color: false) + "\n", named: "table-executions-\(width)")
    }

    @Test func colouredStatus() throws {
        try snapshots.assert(
            Table.render(Self.executions, width: 120, color: true) + "\n", named: "table-executions-color")
    }

    @Test func recordAsKeyValueLines() throws {
        let record: Value = .record(
            Record([("id", .string("x")), ("status", .string("failed")), ("tags", .list([.int(1)]))]))
        try snapshots.assert(Table.render(record, width: 80, color: false) + "\n", named: "record-lines")
    }

    @Test func plainRecordsTable() throws {
        let rows: Value = .list([
            .record(Record([("a", .int(1)), ("b", .string("x"))])),
            .record(Record([("a", .int(22)), ("c", .bool(true))])),
        ])
        try snapshots.assert(Table.render(rows, width: 80, color: false) + "\n", named: "table-plain")
    }
}

private let snapshots = Snapshots()
