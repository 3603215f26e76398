import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import AsteroidSandbox
import Foundation
import Testing

@testable import AstCommands

/// watch, lineage and rerun --max-attempts in one process, against a sandbox.
@Suite("watch, lineage, rerun --max-attempts", .serialized)
struct WatchTests {
    /// Answers the first `failLists` listings 401 (not retried by the client), then passes through.
    final class Outage: AsteroidTransport, @unchecked Sendable {
        let base = AsyncHTTPClientTransport()
        let lock = NSLock()
        var failLists: Int

        init(failLists: Int) { self.failLists = failLists }

        func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
            let fail = lock.withLock { () -> Bool in
                guard request.method == "GET", request.url.path.hasSuffix("/executions"), failLists > 0 else {
                    return false
                }
                failLists -= 1
                return true
            }
            if fail {
                return TransportResponse(
                    status: 401, headers: [("Content-Type", "application/json")],
                    body: Data(#"{"code":401,"message":"down for the test"}"#.utf8))
            }
            return try await base.send(request, timeout: timeout)
        }

        func shutdown() async throws { try await base.shutdown() }
    }

    typealias Fixture = SandboxSession<Outage>
    static let sandbox = SandboxConfig.inMemory(seed: 21, executions: 60, speed: 200)

    @Test("--max-attempts 2: the chain at 2 is skipped and said so; lineage shows attempts 1 and 2")
    func maxAttempts() async throws {
        let f = try await Fixture.start(Self.sandbox, transport: Outage(failLists: 0))
        let setup = await f.run(
            """
            let a = agents | first
            let original = execute $a.id inputs={fail: true} | wait
            let second = rerun $original.id | wait
            """)
        #expect(setup.exitCode == 0, "\(f.output.stderr)")
        let before = f.output.stdout.count
        let outcome = await f.run(
            """
            [$original.id, $second.id] | each rerun --max-attempts 2 | count
            lineage $second.id | each { "\\($it.attempt) \\($it.status) \\($it.outcome)" } | json -c
            """)
        #expect(outcome.exitCode == 0, "\(f.output.stderr)")
        #expect(String(f.output.stdout.dropFirst(before)) == "0\n" + #"["1 failed failure","2 failed failure"]"# + "\n")
        #expect(f.output.stderr.contains("each: skipped 1 item: already rerun (rerun --again reruns anyway)"))
        #expect(f.output.stderr.contains("each: skipped 1 item: rerun chain already at --max-attempts 2"))
        // Under the limit it reruns.
        let more = await f.run("rerun $second.id --max-attempts 3 | .parentExecutionId == $second.id")
        #expect(more.exitCode == 0)
        #expect(f.output.stdout.hasSuffix("true\n"), "\(f.output.stdout)")
        await f.stop()
    }

    @Test("an execution that fails after the watch started is yielded by a later poll")
    func newlyFailing() async throws {
        let f = try await Fixture.start(Self.sandbox, transport: Outage(failLists: 0))
        let watching = Task { await f.run("watch status=failed meta.batch=late since=10m every=100ms limit=1 | .id") }
        try await Task.sleep(for: .milliseconds(400))  // several polls have found nothing
        #expect(f.output.stdout.isEmpty)
        let agent = try #require(try await f.api.client.listAgents().collect(limit: 1).first)
        let started = try await f.api.client.execute(
            agentId: agent.id, request: ExecuteRequest(inputs: ["fail": .bool(true)], metadata: ["batch": "late"]))
        let outcome = await watching.value
        #expect(outcome.exitCode == 0, "\(f.output.stderr)")
        #expect(f.output.stdout == "\"\(started.executionId)\"\n")
        await f.stop()
    }

    @Test("an outage: one warning when it starts, one when it ends, and the stream goes on")
    func outage() async throws {
        let f = try await Fixture.start(Self.sandbox, transport: Outage(failLists: 3))
        let outcome = await f.run(
            """
            let a = agents | first
            let x = execute $a.id inputs={fail: true} | wait
            watch status=failed since=1h every=50ms limit=1 | .id == $x.id
            """)
        #expect(outcome.exitCode == 0, "\(f.output.stderr)")
        #expect(f.output.stdout == "true\n")
        let lines = f.output.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("watch: listing failed") }.count == 1, "\(f.output.stderr)")
        #expect(
            lines.filter { $0 == "watch: listing works again after 3 failed polls" }.count == 1, "\(f.output.stderr)")
        await f.stop()
    }

    @Test("watch | each -p 4: a finished item is yielded at once, not when the next poll (a minute away) brings one")
    func finishedItemsDoNotWaitForThePoll() async throws {
        let f = try await Fixture.start(Self.sandbox, transport: Outage(failLists: 0))
        let setup = await f.run(
            """
            let a = agents | first
            let x = execute $a.id inputs={fail: true} meta.batch=prompt | wait
            """)
        #expect(setup.exitCode == 0, "\(f.output.stderr)")
        let before = f.output.stdout.count
        // `first 1` ends the pipeline with the first output; before, `each` waited for a second item from
        // upstream (the next poll, 60 s later) before yielding the first, finished long since.
        let watching = Task {
            await f.run("watch status=failed meta.batch=prompt since=1h every=60s | each -p 4 { $it.id } | first 1")
        }
        let deadline = Task {
            try await Task.sleep(for: .seconds(30))
            watching.cancel()
        }
        let outcome = await watching.value
        deadline.cancel()
        #expect(outcome.exitCode == 0, "\(f.output.stderr)")
        #expect(f.output.stdout.dropFirst(before).hasPrefix("\""), "\(f.output.stdout) \(f.output.stderr)")
        await f.stop()
    }
}
