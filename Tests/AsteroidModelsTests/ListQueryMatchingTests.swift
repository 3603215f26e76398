import AsteroidModels
import Foundation
import Testing

/// `ListExecutionsQuery.unmetFilter`: what a client re-checks on each item a server returns.
@Suite struct ListQueryMatchingTests {
    static let created = Date(timeIntervalSince1970: 1_780_000_000.123)

    func execution(
        status: ExecutionStatus = .failed, metadata: [String: String]? = ["team": "billing"],
        inputs: [String: JSONValue]? = ["invoice": .string("INV-42"), "count": .int(3)],
        outcome: String? = "Partial success"
    ) -> Execution {
        Execution(
            id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", agentId: "11111111-1111-4111-8111-111111111111",
            workflowId: "11111111-1111-4111-8111-111111111111", status: status, createdAt: Self.created,
            organizationId: "22222222-2222-4222-8222-222222222222", agentName: "Billing", inputs: inputs,
            executionResult: outcome.map {
                ExecutionResult(
                    id: "r", executionId: "3c90c3cc-0d44-4b50-8888-8dd25736052a", outcome: $0, reasoning: "",
                    result: .null, createdAt: Self.created)
            },
            humanLabels: [
                HumanLabel(
                    id: "33333333-3333-4333-8333-333333333333", organizationId: "o", name: "l", color: "#fff",
                    createdAt: Self.created)
            ],
            metadata: metadata)
    }

    func query(_ items: [(String, String)]) throws -> ListExecutionsQuery {
        try ListExecutionsQuery(queryItems: items.map { (name: $0.0, value: $0.1) })
    }

    /// Every filter the record meets: nothing unmet (no false alarm that would stop a bulk change).
    @Test(arguments: [
        [("status", "failed"), ("status", "cancelled")],
        [("phase", "terminal")],
        [("metadataKey", "team"), ("metadataValue", "billing")],
        [("metadata", "team=billing")],
        [("inputsKey", "invoice"), ("inputsValue", "inv-4")],
        [("inputsKey", "count"), ("inputsValue", "3")],
        [("outcomeLabel", "SUCCESS")],
        [("executionId", "3C90C3CC")],
        [("agentId", "11111111-1111-4111-8111-111111111111")],
        [("workflowId", "11111111-1111-4111-8111-111111111111")],
        [
            ("humanLabels", "33333333-3333-4333-8333-333333333333"),
            ("humanLabels", "44444444-4444-4444-8444-444444444444"),
        ],
        [("createdAfter", "2026-05-28T20:26:40.123Z"), ("createdBefore", "2026-05-28T20:26:40.123Z")],
        [("createdWithin", "1d")],
        [("batchId", "b-1"), ("workflowVersion", "3"), ("triggerSource", "api")],
    ])
    func metFilters(_ items: [(String, String)]) throws {
        let unmet = try query(items).unmetFilter(by: execution(), now: Self.created.addingTimeInterval(3600))
        #expect(unmet == nil, "\(items): \(String(describing: unmet))")
    }

    @Test(arguments: [
        ([("status", "completed")], "status"),
        ([("phase", "active")], "phase"),
        ([("metadataKey", "team"), ("metadataValue", "bill")], "metadataKey/metadataValue"),
        ([("metadataKey", "owner"), ("metadataValue", "x")], "metadataKey/metadataValue"),
        ([("metadata", "team=billing"), ("metadata", "env=prod")], "metadata"),
        ([("inputsKey", "invoice"), ("inputsValue", "INV-43")], "inputsKey/inputsValue"),
        ([("inputsKey", "missing"), ("inputsValue", "x")], "inputsKey/inputsValue"),
        ([("outcomeLabel", "failure")], "outcomeLabel"),
        ([("executionId", "ffff")], "executionId"),
        ([("agentId", "55555555-5555-4555-8555-555555555555")], "agentId"),
        ([("humanLabels", "44444444-4444-4444-8444-444444444444")], "humanLabels"),
        ([("createdAfter", "2026-05-28T20:26:40.124Z")], "createdAfter"),
        ([("createdBefore", "2026-05-28T20:26:40.122Z")], "createdBefore"),
        ([("createdWithin", "30m")], "createdWithin"),
        ([("organizationId", "66666666-6666-4666-8666-666666666666")], "organizationId"),
    ])
    func unmetFilters(_ items: [(String, String)], parameter: String) throws {
        let unmet = try query(items).unmetFilter(by: execution(), now: Self.created.addingTimeInterval(3 * 3600))
        #expect(unmet?.parameter == parameter, "\(items): \(String(describing: unmet))")
    }

    /// A record without metadata, inputs or a result cannot match a filter on them.
    @Test func absentFieldsDoNotMatch() throws {
        let bare = execution(metadata: nil, inputs: nil, outcome: nil)
        #expect(
            try query([("metadataKey", "team"), ("metadataValue", "billing")]).unmetFilter(by: bare, now: Self.created)?
                .found == "no team")
        #expect(
            try query([("inputsKey", "invoice"), ("inputsValue", "INV")]).unmetFilter(by: bare, now: Self.created)
                != nil)
        #expect(try query([("outcomeLabel", "success")]).unmetFilter(by: bare, now: Self.created)?.found == "no result")
    }
}
