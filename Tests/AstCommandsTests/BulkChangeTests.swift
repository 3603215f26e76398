import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation
import Testing

/// Bulk changes account for every item (issue 11): successes are yielded even when other items fail,
/// failures are reported and kept in `$failed`, an execution is never rerun twice, a read-back failure
/// is not a failure, Ctrl-C says what was done, and a dry run yields placeholders.
@Suite("bulk changes: every item accounted for, never twice", .serialized)
struct BulkChangeTests {
    static let bogus = "00000000-0000-4000-8000-000000000000"

    /// A transport over the real one that can fail or hold chosen requests.
    final class Faulty: AsteroidTransport, @unchecked Sendable {
        let base = AsyncHTTPClientTransport()
        let lock = NSLock()
        /// POST …/{id}/rerun answered 400 (a definite failure).
        var rejectRerunOf: Set<String> = []
        /// POST …/{id}/rerun held until cancelled.
        var holdRerunOf: Set<String> = []
        /// GET …/executions/{id} of executions this transport saw created answered 404.
        var failReadBack = false
        var created: Set<String> = []
        var held = 0
        var posts: [String] = []

        func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
            let path = request.url.path
            let parts = path.split(separator: "/").map(String.init)
            let (reject, hold, failRead) = lock.withLock {
                (rejectRerunOf, holdRerunOf, failReadBack && parts.last.map(created.contains) == true)
            }
            if request.method == "POST", path.hasSuffix("/rerun"), parts.count >= 2 {
                let id = parts[parts.count - 2]
                lock.withLock { posts.append(id) }
                if reject.contains(id) {
                    return TransportResponse(
                        status: 400, headers: [("Content-Type", "application/json")],
                        body: Data(#"{"code":400,"message":"rejected by the test"}"#.utf8))
                }
                if hold.contains(id) {
                    lock.withLock { held += 1 }
                    do { try await Task.sleep(for: .seconds(60)) } catch {
                        throw TransportFailure(.cancelled, requestMayHaveBeenSent: true, detail: "cancelled")
                    }
                }
            }
            if request.method == "GET", failRead {
                return TransportResponse(
                    status: 404, headers: [("Content-Type", "application/json")],
                    body: Data(#"{"code":404,"message":"not yet"}"#.utf8))
            }
            let response = try await base.send(request, timeout: timeout)
            if request.method == "POST", path.hasSuffix("/rerun"),
                let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                let id = object["executionId"] as? String
            {
                lock.withLock { _ = created.insert(id) }
            }
            return response
        }

        func shutdown() async throws { try await base.shutdown() }
        var rerunPosts: [String] { lock.withLock { posts } }
        var heldCount: Int { lock.withLock { held } }
    }

    /// A fresh sandbox (reruns here disturb nothing else) and a session over the faulty transport.
    typealias Fixture = SandboxSession<Faulty>

    static func failure(_ outcome: RunOutcome) -> String? {
        if case .failed(let diagnostic) = outcome { return diagnostic.message }
        return nil
    }

    @Test("[completed, queued, bogus] | rerun yields both reruns, reports the 404, exits 1")
    func listRerunKeepsSuccesses() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let c = list status=completed | first\nlet q = list status=queued | first")
        let outcome = await f.run(
            #"[$c.id, $q.id, "\#(Self.bogus)"] | rerun | select id parentExecutionId | .parentExecutionId | json -c"#)
        let parents = await f.json("[$c.id, $q.id]")
        #expect(f.output.stdout.hasPrefix(parents), "\(f.output.stdout)")
        let message = try #require(Self.failure(outcome))
        #expect(message.contains("rerun: 1 of 3 items failed"))
        #expect(message.contains("\(Self.bogus): 404 Not Found"))
        #expect(outcome.exitCode == 1)
        #expect(await f.json("$failed | .id") == "[\"\(Self.bogus)\"]")
        #expect(await f.json("[(get $c.id).hasBeenRerun, (get $q.id).hasBeenRerun]") == "[true,true]")
        await f.stop()
    }

    @Test("each { rerun $it } over list records: a record is an id argument too (was a type error on every item)")
    func recordAsIdArgument() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let two = (list status=failed | where not .hasBeenRerun | first 2)")
        let outcome = await f.run("$two | each { rerun $it } | .parentExecutionId | json -c")
        #expect(outcome.exitCode == 0, "\(f.output.stderr)")
        let parents = await f.json("$two | .id")
        #expect(f.output.stdout.hasPrefix(parents), "\(f.output.stdout)")
        #expect(f.transport.rerunPosts.count == 2)
        await f.stop()
    }

    @Test("cancel over a list: the one that could be cancelled is, and yielded; the terminal one is listed after")
    func cancelListPartial() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let r = list status=running | first\nlet c = list status=completed | first")
        let outcome = await f.run("[$r.id, $c.id] | cancel | .executionId | json -c")
        let expected = await f.json("[$r.id]")
        #expect(f.output.stdout.hasPrefix(expected + "\n"), "\(f.output.stdout)")
        let message = try #require(Self.failure(outcome))
        #expect(message.contains("cancel: 1 of 2 items failed"))
        #expect(message.contains("`$failed | each cancel` retries them"))
        #expect(await f.json("$failed | .id") == (await f.json("[$c.id]")))
        #expect(await f.json("(get $r.id).status") == "\"cancelled\"")
        await f.stop()
    }

    @Test("at the prompt, the reruns that were made are shown before the failure")
    func promptShowsSuccesses() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let c = list status=completed | first")
        let expected = await f.json("[$c.id]")
        let outcome = await f.session.evaluate(#"[$c.id, "\#(Self.bogus)"] | rerun | .parentExecutionId | json -c"#)
        guard case .failure(let text) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(text.contains("rerun: 1 of 2 items failed"))
        #expect(f.output.stdout.hasSuffix(expected + "\n" + expected + "\n"), "\(f.output.stdout)")
        await f.stop()
    }

    @Test("each -p 4 rerun | wait with one bad id waits on the reruns that were made")
    func eachWaitGetsSuccesses() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let ids = list status=failed limit=3 | .id")
        let outcome = await f.run(
            #"[$ids[0], "\#(Self.bogus)", $ids[1], $ids[2]] | each -p 4 rerun | wait timeout=2m | .parentExecutionId | json -c"#
        )
        #expect(f.output.stdout.hasPrefix(await f.json("$ids")), "\(f.output.stdout)")
        let message = try #require(Self.failure(outcome))
        #expect(message.contains("each: 1 of 4 items failed"))
        #expect(message.contains("3 done; $failed holds the 1 not done (`$failed | each rerun` retries them)"))
        await f.stop()
    }

    @Test("$failed holds exactly the failed items, and `$failed | each rerun` makes exactly the missing reruns")
    func failedRetry() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let ids = list status=failed limit=4 | .id")
        let flaky = try #require(await f.json("$ids[2]").split(separator: "\"").first.map(String.init))
        f.transport.lock.withLock { f.transport.rejectRerunOf = [flaky] }
        let first = await f.run("$ids | each -p 2 rerun | count")
        #expect(first.exitCode == 1)
        #expect(f.output.stdout.hasSuffix("\n3\n"), "\(f.output.stdout)")
        #expect(await f.json("$failed | select id outcome") == #"[{"id":"\#(flaky)","outcome":"failed"}]"#)
        #expect(await f.json("$failed | .error | first").contains("rejected by the test"))
        f.transport.lock.withLock { f.transport.rejectRerunOf = [] }
        let postsBefore = f.transport.rerunPosts.count
        let retry = await f.run("$failed | each rerun | count")
        #expect(retry.exitCode == 0, "\(Self.failure(retry) ?? "")")
        #expect(Array(f.transport.rerunPosts.dropFirst(postsBefore)) == [flaky])
        #expect(await f.json("$failed") == "[]")
        await f.stop()
    }

    @Test("rerun skips executions that already have a rerun (no extra request for list records); --again reruns")
    func neverTwice() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        #expect(await f.run("list status=failed limit=3 | each -p 2 rerun | count").exitCode == 0)
        let posts = f.transport.rerunPosts.count
        #expect(posts == 3)
        let again = await f.run("list status=failed limit=3 | each -p 2 rerun | count")
        #expect(again.exitCode == 0)
        #expect(f.transport.rerunPosts.count == posts)
        #expect(f.output.stdout == "3\n0\n")
        #expect(f.output.stderr.contains("each: skipped 3 items: already rerun (rerun --again reruns anyway)"))
        // An id alone costs one GET to find out.
        _ = await f.run("let e = list status=failed | first")
        #expect(await f.run("[$e.id] | rerun | count").exitCode == 0)
        #expect(f.transport.rerunPosts.count == posts)
        #expect(await f.run("rerun --again $e.id | count").exitCode == 0)
        #expect(f.transport.rerunPosts.count == posts + 1)
        await f.stop()
    }

    @Test("a rerun whose read-back fails is a success: {id, parentExecutionId} and a warning")
    func readBackFailure() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        f.transport.lock.withLock { f.transport.failReadBack = true }
        _ = await f.run("let e = list status=failed | first")
        let outcome = await f.run("let r = rerun $e.id\nprint ($r.parentExecutionId == $e.id) ($r.id != $e.id)")
        #expect(outcome.exitCode == 0, "\(Self.failure(outcome) ?? "")")
        #expect(f.output.stdout == "true true\n")
        #expect(f.output.stderr.contains("warning: rerun of"))
        #expect(f.output.stderr.contains("but reading it back failed"))
        await f.stop()
    }

    @Test(
        "Ctrl-C: answered items are done, the one in flight unknown, the rest not started; $failed holds the not done")
    func interruptAccounting() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let ids = list status=failed limit=4 | .id")
        let ids = await f.json("$ids").split(separator: "\"").filter { $0.count == 36 }.map(String.init)
        try #require(ids.count == 4)
        f.transport.lock.withLock { f.transport.holdRerunOf = [ids[1]] }
        let session = f.session
        let task = Task { await session.evaluate("$ids | each -p 2 rerun | count") }
        var reached = false
        for _ in 0..<1000 where !reached {
            try await Task.sleep(for: .milliseconds(10))
            reached =
                f.transport.heldCount == 1 && f.transport.rerunPosts.count == 3
                && session.progress.running.first.map { $0.done == 2 } ?? false
        }
        #expect(reached)
        task.cancel()
        let outcome = await task.value
        #expect(
            outcome
                == .interrupted(
                    summary:
                        "interrupted: each: 2 done (\(ids[0]), \(ids[2])), 1 unknown — check with `get` (\(ids[1])), 1 not started; the 2 not done are in $failed"
                ))
        #expect(
            await f.json("$failed | select id outcome")
                == #"[{"id":"\#(ids[1])","outcome":"unknown"},{"id":"\#(ids[3])","outcome":"not-started"}]"#)
        // The same command again continues where the first stopped: only the two not done are rerun.
        f.transport.lock.withLock { f.transport.holdRerunOf = [] }
        let postsBefore = f.transport.rerunPosts.count
        let repeated = await f.run("$ids | each -p 2 rerun | count")
        #expect(repeated.exitCode == 0)
        #expect(Set(f.transport.rerunPosts.dropFirst(postsBefore)) == [ids[1], ids[3]])
        #expect(f.output.stdout.hasSuffix("2\n"))
        await f.stop()
    }

    @Test("dry run: rerun and cancel yield placeholders; the request dumps go to stderr")
    func dryRunPlaceholders() async throws {
        let f = try await Fixture.start(.inMemory(seed: 11, executions: 120, speed: 50), transport: Faulty())
        _ = await f.run("let ids = list status=failed limit=2 | .id\nlet run = list status=running | first")
        f.session.interpreter.updateSettings { $0.dryRun = true }
        let outcome = await f.run(
            "$ids | rerun | select id parentExecutionId status dryRun | json -c\ncancel $run.id | json -c")
        #expect(outcome.exitCode == 0, "\(Self.failure(outcome) ?? "")")
        f.session.interpreter.updateSettings { $0.dryRun = false }
        let parents = await f.json("$ids").split(separator: "\"").filter { $0.count == 36 }.map(String.init)
        let runId = await f.json("$run.id").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let lines = f.output.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count >= 2 && parents.count == 2)
        #expect(
            lines[0] == #"[{"id":"dry-run-1","parentExecutionId":"\#(parents[0])","status":"dry-run","dryRun":true},"#
                + #"{"id":"dry-run-2","parentExecutionId":"\#(parents[1])","status":"dry-run","dryRun":true}]"#)
        #expect(lines[1] == #"{"executionId":"\#(runId)","status":"dry-run","dryRun":true}"#)
        #expect(!f.output.stdout.contains("would send"))
        #expect(f.output.stderr.contains("dry-run: would send"))
        #expect(f.transport.rerunPosts.isEmpty)
        await f.stop()
    }
}
