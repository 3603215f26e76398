import AstCommands
import AstRuntime
import AsteroidClient
import Foundation
import Testing

/// `wait` backs off when the sync endpoint answers 202 at once, keeps what finished when its timeout
/// ends, passes dry-run placeholders through, and rejects a timeout no clock can hold.
@Suite struct WaitTests {
    func syncRequests(_ transport: FilterTransport) -> Int {
        transport.requests.filter { $0.url.path.hasSuffix("/sync") }.count
    }

    /// A paused execution: the server answers 202 at once; 2 s of waiting costs a handful of polls.
    @Test func pausedExecutionIsPolledWithBackoff() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list status=paused | first 1 | wait timeout=2s")
        #expect(result.code == 1)
        #expect(result.err.contains("timed out after 2s waiting for"), "\(result.err)")
        #expect(result.err.contains("(still paused)"), "\(result.err)")
        let polls = syncRequests(transport)
        #expect(polls >= 2 && polls <= 8, "\(polls) sync requests in 2 s")
    }

    /// Finished executions are yielded at the timeout; the rest are reported with their last status.
    @Test func timeoutYieldsTheFinishedOnes() async throws {
        let transport = FilterTransport()
        let program = """
            let done = (list status=completed | first 2)
            let paused = (list status=paused | first 1)
            $done + $paused | wait timeout=2s | each { $it.status }
            """
        let result = try await transport.run(program)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "\"completed\"\n\"completed\"\n", "\(result.out)")
        #expect(result.err.contains("warning: wait: 1 of 3 executions not finished after 2s"), "\(result.err)")
        #expect(result.err.contains("still paused"), "\(result.err)")
    }

    /// A stream from `list` is read once: one page request, one sync per execution.
    @Test func streamInputIsReadOnce() async throws {
        let transport = FilterTransport()
        let result = try await transport.run("list status=completed | first 2 | wait | count")
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "2\n")
        #expect(transport.listQueries.count == 1, "\(transport.listQueries.count) list requests")
        #expect(syncRequests(transport) == 2)
    }

    @Test func hugeTimeoutIsAnError() async throws {
        let result = try await FilterTransport().run("list status=paused | first 1 | wait timeout=100000000000000w")
        #expect(result.code == 1)
        #expect(result.err.contains("is too long (at most 365d)"), "\(result.err)")
    }

    /// `execute … | wait` under --dry-run: a placeholder, no change sent, no wait request.
    @Test func dryRunExecuteYieldsAPlaceholderThatWaitPassesThrough() async throws {
        let transport = FilterTransport()
        let program = """
            let agent = (agents | first | .id)
            [1, 2] | each { execute $agent inputs={n: $it} } | wait | each { "\\($it.id) \\($it.status) \\($it.dryRun) \\($it.executionResult?.outcome)" }
            """
        let result = try await transport.run(program, dryRun: true)
        #expect(result.code == 0, "\(result.err)")
        // (The request dumps may share stdout until they move to stderr: only the results are compared.)
        let results = result.out.split(separator: "\n").filter { $0.hasPrefix("\"dry-run-") }
        #expect(results == ["\"dry-run-1 dry-run true null\"", "\"dry-run-2 dry-run true null\""], "\(result.out)")
        #expect(transport.writes.isEmpty)
        #expect(syncRequests(transport) == 0)
    }

    /// A placeholder among real executions keeps its place; only the real one is waited on.
    @Test func placeholdersKeepTheirPlace() async throws {
        let transport = FilterTransport()
        let program = """
            let done = (list status=completed | first 1 | .id)
            [{id: "dry-run-7", dryRun: true}, $done[0]] | wait | each { $it.id }
            """
        let result = try await transport.run(program)
        #expect(result.code == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2 && lines.first == "\"dry-run-7\"", "\(result.out)")
        #expect(syncRequests(transport) == 1)
    }
}
