import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("validation: 400 naming the parameter, never a 500")
struct ValidationTests {
    static let listCases: [(String, String)] = [
        ("pageSize=0", "pageSize"), ("pageSize=101", "pageSize"), ("pageSize=abc", "pageSize"), ("page=0", "page"),
        ("status=exploded", "status"), ("phase=later", "phase"), ("agentId=123", "agentId"),
        ("workflowId=xyz", "workflowId"), ("organizationId=nope", "organizationId"), ("humanLabels=1", "humanLabels"),
        ("profileIds=bad", "profileIds"), ("metadataKey=env", "metadataValue"), ("metadataValue=prod", "metadataKey"),
        ("inputsKey=vendor", "inputsValue"), ("createdAfter=yesterday", "createdAfter"),
        ("createdWithin=7x", "createdWithin"), ("createdWithin=1d&createdAfter=2026-01-01T00:00:00Z", "createdWithin"),
        ("sortField=name", "sortField"), ("sortDirection=up", "sortDirection"), ("sort=created_at", "sort"),
        ("sort=created_at:desc&sortField=status", "sort"), ("metadata=novalue", "metadata"),
        ("workflowVersion=0", "workflowVersion"), ("hasScriptFailures=maybe", "hasScriptFailures"),
    ]

    @Test("list executions", arguments: listCases)
    func list(_ query: String, _ parameter: String) async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(.get, "/executions?" + query)
            #expect(response.status == .badRequest, "\(query)")
            #expect(response.error?.errors?.first?.parameter == parameter, "\(query): \(response.text)")
        }
    }

    static let executeCases: [(String, String)] = [
        (
            #"{"profileId":"6f1c1a52-0f4e-4f63-9a53-4b8f6f2a8a11","profileGroupId":"6f1c1a52-0f4e-4f63-9a53-4b8f6f2a8a12"}"#,
            "profileGroupId"
        ),
        (
            #"{"agentProfileId":"6f1c1a52-0f4e-4f63-9a53-4b8f6f2a8a11","agentProfilePoolId":"6f1c1a52-0f4e-4f63-9a53-4b8f6f2a8a12"}"#,
            "agentProfilePoolId"
        ),
        (#"{"version":2,"head":true}"#, "head"),
        (#"{"version":0}"#, "version"),
        (#"{"version":99}"#, "version"),
        (#"{"profileId":"abc"}"#, "profileId"),
        (#"{"inputs":"not an object"}"#, "inputs"),
        (#"{"inputs":{"a":1}"#, "body"),
        ("", "body"),
        (#"{"tempFiles":[{"id":"6f1c1a52-0f4e-4f63-9a53-4b8f6f2a8a11","name":"a.pdf"}]}"#, "tempFiles[0].id"),
        (#"{"onCapacityLimit":"maybe"}"#, "onCapacityLimit"),
        (#"{"executionOptions":{"softTimeoutMins":0}}"#, "executionOptions.softTimeoutMins"),
    ]

    @Test("execute body", arguments: executeCases)
    func execute(_ body: String, _ parameter: String) async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            let before = try await client.page("").total
            let response = try await client.call(.post, "/agents/\(agent)/execute", body: body)
            #expect(response.status == .badRequest, "\(body): \(response.text)")
            #expect(response.error?.errors?.first?.parameter == parameter, "\(body): \(response.text)")
            #expect(try await client.page("").total == before)
        }
    }

    @Test("other bodies and queries")
    func others() async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let id = try await client.page("").items[0].id
            let cases: [(HTTPRequest.Method, String, String?, String)] = [
                (.post, "/executions/\(id)/rerun", #"{"profileId":"x"}"#, "profileId"),
                (.post, "/executions/\(id)/rerun", "[1,2]", "body"),
                (.post, "/executions/\(id)/status", #"{"status":"exploded"}"#, "status"),
                (.post, "/executions/\(id)/status", "{}", "status"),
                (.post, "/executions/\(id)/user-messages", #"{"message":""}"#, "message"),
                (.post, "/executions/\(id)/user-messages", #"{"msg":"hi"}"#, "message"),
                (.get, "/executions/\(id)/activities?order=sideways", nil, "order"),
                (.get, "/executions/\(id)/activities?limit=0", nil, "limit"),
                (.get, "/executions/\(id)/activities?limit=ten", nil, "limit"),
                (.get, "/executions/\(id)/sync?timeoutSeconds=26", nil, "timeoutSeconds"),
                (.get, "/executions/\(id)/sync?timeoutSeconds=0", nil, "timeoutSeconds"),
                (.post, "/agents/nope/execute", "{}", "agentId"),
                (.post, "/workflows/nope/execute/sync", "{}", "workflowId"),
            ]
            for (method, path, body, parameter) in cases {
                let response = try await client.call(method, path, body: body)
                #expect(response.status == .badRequest, "\(path) \(body ?? ""): \(response.text)")
                #expect(
                    response.error?.errors?.first?.parameter == parameter, "\(path) \(body ?? ""): \(response.text)")
            }
            let unknownAgent = try await client.call(.post, "/agents/\(UUID().uuidString)/execute", body: "{}")
            #expect(unknownAgent.status == .notFound)
        }
    }
}
