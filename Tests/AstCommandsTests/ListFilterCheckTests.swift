import AstCommands
import AstRuntime
import AsteroidClient
import Foundation
import Testing

/// `list` sends filters under the names the seeds document and re-checks every item it gets back: a
/// server that ignores a filter must not widen a bulk change.
@Suite struct ListFilterCheckTests {
    @Test func oneMetadataFilterGoesAsTheSeedPair() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list meta.customer=acme | first 1 | count")
        #expect(result.code == 0, "\(result.err)")
        let query = try #require(transport.listQueries.first)
        #expect(
            query.contains { $0 == ("metadataKey", "customer") } && query.contains { $0 == ("metadataValue", "acme") },
            "\(query)")
        #expect(!query.contains { $0.name == "metadata" }, "\(query)")
    }

    @Test func twoMetadataFiltersGoRepeated() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list meta.customer=acme meta.env=prod | first 1 | count")
        #expect(result.code == 0, "\(result.err)")
        let query = try #require(transport.listQueries.first)
        #expect(
            query.filter { $0.name == "metadata" }.map(\.value).sorted() == ["customer=acme", "env=prod"], "\(query)")
        #expect(!query.contains { $0.name == "metadataKey" }, "\(query)")
    }

    /// A server that does not know the parameter answers with every execution: a mutating pipeline stops
    /// before any change, naming the filter.
    @Test(arguments: [
        (
            ["metadataKey", "metadataValue", "metadata"], "list meta.customer=acme status=failed | each rerun",
            "metadataKey/metadataValue"
        ),
        (
            ["metadataKey", "metadataValue", "metadata"], "list meta.customer=acme status=failed | rerun",
            "metadataKey/metadataValue"
        ),
        (["metadata"], "list meta.customer=acme meta.env=prod | each -p 4 cancel", "metadata"),
        (["status"], "list status=failed | each rerun", "status"),
        (["inputsKey", "inputsValue"], "list input.carrier=UPS | each { rerun $it }", "inputsKey/inputsValue"),
        (["outcomeLabel"], "list outcome=success | rerun", "outcomeLabel"),
        (["agentId"], "let a = (agents | first | .id)\nlist agent=$a | each rerun", "agentId"),
        (["createdBefore"], "list before=2020-01-01T00:00:00Z | each rerun", "createdBefore"),
        // The mutation is in a function the statement calls, or in a later stage of a nested pipeline.
        (["status"], "def redo() { list status=failed | each rerun }\nredo", "status"),
        (["status"], "let n = ((list status=failed | first 3) | rerun | count)", "status"),
    ])
    func mutatingPipelineStopsBeforeAnyChange(strip: [String], program: String, parameter: String) async throws {
        let transport = FilterTransport(stripping: Set(strip))
        let result = try await transport.run(program)
        #expect(result.code == 1, "\(result.out)\n\(result.err)")
        #expect(result.err.contains("the server ignored the filter \(parameter)"), "\(result.err)")
        #expect(transport.writes.isEmpty, "\(transport.writes.count) changes were sent")
    }

    /// A read-only pipeline drops the items the server should not have sent, with one warning: the
    /// result is what the filter asks for.
    @Test func readOnlyPipelineDropsWithOneWarning() async throws {
        let honest = try await FilterTransport().run("list meta.customer=acme | count")
        let transport = FilterTransport(stripping: ["metadataKey", "metadataValue", "metadata"])
        let result = try await transport.run("list meta.customer=acme | count")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == honest.out)
        #expect(Int(result.out.trimmingCharacters(in: .newlines)) ?? 0 > 0)
        let warnings = result.err.components(
            separatedBy: "warning: list: the server ignored the filter metadataKey/metadataValue")
        #expect(warnings.count == 2, "\(result.err)")
    }

    /// An honest server: the check costs no request and changes nothing.
    @Test func honestServerPassesEveryItem() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list status=failed meta.customer=acme input.carrier=UPS | count")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.isEmpty, "\(result.err)")
        #expect(transport.listQueries.count == 1)
    }

    @Test func hugeLimitDoesNotOverflow() async throws {
        let result = try await FilterTransport().run("list limit=9223372036854775807 | first 1 | count")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "1\n")
    }

    @Test func hugePageIsAnErrorBeforeAnyRequest() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list page=9223372036854775807 | first 1")
        #expect(result.code == 1, "\(result.err)")
        #expect(result.err.contains("must be at most 2147483647, got 9223372036854775807"), "\(result.err)")
        #expect(transport.requests.isEmpty)
    }

    @Test(arguments: ["list since=100000000000000w | first 1", "list before=($now - 740000d) | first 1"])
    func timeFilterOutsideRFC3339IsAnError(_ program: String) async throws {
        let transport = FilterTransport()
        let result = try await transport.run(program)
        #expect(result.code == 1, "\(result.err)")
        #expect(result.err.contains("reaches outside the years 0001–9999"), "\(result.err)")
        #expect(transport.requests.isEmpty)
    }
}
