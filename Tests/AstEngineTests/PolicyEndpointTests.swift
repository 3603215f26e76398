import AstEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The example of docs/embedding.md, built and run: a Hummingbird endpoint running a stored policy read-only
/// against the sandbox, with a host command.
@Suite struct PolicyEndpointTests {
    @Test func theEndpointRunsThePolicyAndAnswersJSON() async throws {
        let engine = try await Engine.sandbox(executions: 80)
        // What the policy should find, computed by a script without the policy's restrictions.
        let expected = try await engine.evaluate(
            #"""
            def owner(agent) { if ($agent < "m") { "payments" } else { "search" } }
            let failed = (list status=failed | first 20)
            {failed: ($failed | count), ids: ($failed | where (owner .agentName) == "payments" | .id)}
            """#)
        let app = buildPolicyApplication(engine: engine)
        try await app.test(.router) { client in
            try await client.execute(uri: "/policy/payments", method: .get) { response in
                #expect(response.status == .ok)
                let body = response.body.getString(at: 0, length: response.body.readableBytes) ?? ""
                let result = try JSONDecoder().decode(PolicyResult.self, from: Data(body.utf8))
                #expect(result.team == "payments")
                #expect(.int(result.failed) == expected["failed"])
                #expect(.list(result.ids.map(Value.string)) == expected["ids"])
                #expect(!result.ids.isEmpty)
                #expect(result.ours == result.ids.count)
            }
        }
        await engine.shutdown()
    }

    @Test func docsEmbeddingQuotesTheExampleAsItIs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let example = try String(
            contentsOf: root.appendingPathComponent("Tests/AstEngineTests/PolicyEndpoint.swift"), encoding: .utf8)
        let docs = try String(contentsOf: root.appendingPathComponent("docs/embedding.md"), encoding: .utf8)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { !$0.hasPrefix("// docs:begin") }.dropFirst().prefix { !$0.hasPrefix("// docs:end") }
        #expect(body.count > 20)
        #expect(docs.contains(body.joined(separator: "\n")), "docs/embedding.md must quote PolicyEndpoint.swift")
    }
}
