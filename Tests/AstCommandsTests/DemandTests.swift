import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation
import Testing

/// `rerun` and `execute` fetch each new execution back only when something downstream reads it.
@Suite("demand: new executions are fetched only when read", .serialized)
struct DemandTests {
    struct Run {
        var out: String
        var err: String
        var requests: [String]
        func count(_ method: String, _ pathPart: String) -> Int {
            requests.filter { $0.contains("\(method) ") && $0.contains(pathPart) }.count
        }
        /// GETs of single executions (`GET …/executions/{id}`), not of lists, sync or activities.
        var singleGets: Int {
            requests.filter { line in
                guard line.contains("GET "), let range = line.range(of: "/executions/") else { return false }
                let rest = line[range.upperBound...].prefix { !$0.isWhitespace }
                return rest.count == 36
            }.count
        }
    }

    /// Runs `text` against a fresh sandbox (so reruns here disturb nothing else) and logs every request.
    func run(_ text: String) async throws -> Run {
        let server = try await SandboxServer.start(.inMemory(seed: 5, executions: 120, speed: 50))
        let log = LazyPagingTests.RequestLog()
        let api = APIService(
            configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key", requestLog: { log.add($0) })
        )
        let output = BufferedOutput()
        let session = Session(api: api, output: output, environment: [:])
        _ = await session.interpreter.run(SourceFile(name: "t", text: text))
        await api.shutdown()
        await server.stop()
        return Run(out: output.stdout, err: output.stderr, requests: log.requests)
    }

    @Test("`each rerun | count` sends the reruns and nothing else")
    func countReadsNothing() async throws {
        let r = try await run("list status=failed | first 3 | each -p 2 rerun | count")
        #expect(r.out == "3\n", "\(r.err)")
        #expect(r.count("POST", "/rerun") == 3)
        #expect(r.singleGets == 0, "\(r.requests)")
    }

    @Test("`each rerun | wait` waits on the new executions without fetching them first")
    func waitReadsIds() async throws {
        let r = try await run(
            "let old = list status=failed | first 2\nlet new = $old | each rerun | wait timeout=2m\n"
                + "print (($new | each { $it.parentExecutionId }) == ($old | each { $it.id }))\n"
                + "print ($new | where .status == \"starting\" | count)")
        #expect(r.out == "true\n0\n", "\(r.err)")
        #expect(r.count("POST", "/rerun") == 2)
        #expect(r.count("GET", "/sync") >= 2)
        // Only wait's own reads of the finished runs.
        #expect(r.singleGets == 2, "\(r.requests)")
    }

    @Test("records that are shown, kept or read are whole, as before")
    func readersGetRecords() async throws {
        let shown = try await run("list status=failed | first 2 | each rerun | select parentExecutionId status")
        #expect(shown.singleGets == 2, "\(shown.requests)")
        // Whole records: each shows its status (how far the sandbox's clock moved it depends on the machine's load).
        #expect(shown.out.split(separator: "\n").count == 2, "\(shown.out)")
        #expect(shown.out.split(separator: "\n").allSatisfy { $0.contains(#""status":""#) }, "\(shown.out)")
        // A function may read anything, even when it only counts.
        let viaFunction = try await run("def n() { $in | count }\nlist status=failed | first 2 | each rerun | n")
        #expect(viaFunction.out == "2\n" && viaFunction.singleGets == 2, "\(viaFunction.requests)")
        // One rerun given by id yields one record, and `count` of a record counts its fields.
        let single = try await run("let id = (list status=failed | first | .id)\nrerun $id | count")
        // (An id alone costs one GET more: whether it already has a rerun, which `rerun` then skips.)
        #expect(single.singleGets == 2, "\(single.requests)")
        #expect((Int(single.out.trimmingCharacters(in: .newlines)) ?? 0) > 10, "\(single.out)")
    }

    @Test("execute | wait skips the read-back; execute alone shows the record")
    func execute() async throws {
        let agent = "(agents | first | .id)"
        let waited = try await run("execute \(agent) | wait timeout=2m | .status")
        #expect(["completed\n", "failed\n"].contains(waited.out), "\(waited.err)")
        #expect(waited.singleGets == 1, "\(waited.requests)")
        let shown = try await run("execute \(agent) | .status")
        // One read-back; the status it shows depends on how far the sandbox's clock moved the run meanwhile
        // (a loaded machine has seen `running`).
        #expect(["queued\n", "starting\n", "running\n"].contains(shown.out), "\(shown.out)")
        #expect(shown.singleGets == 1, "\(shown.requests)")
    }
}
