import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation
import Testing

/// Pages are fetched only as the pipeline consumes them.
@Suite struct LazyPagingTests {
    final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var requests: [String] { lock.withLock { lines.filter { $0.hasPrefix("→") } } }
    }

    func run(_ text: String) async throws -> (out: String, requests: [String]) {
        let log = RequestLog()
        let base = try await SharedSandbox.shared.baseURL()
        let api = APIService(
            configuration: ClientConfiguration(baseURL: base, apiKey: "test-key", requestLog: { log.add($0) }))
        let output = BufferedOutput()
        let session = Session(api: api, output: output, environment: [:])
        _ = await session.interpreter.run(SourceFile(name: "t", text: text))
        await api.shutdown()
        return (output.stdout, log.requests)
    }

    @Test func firstFiveSendsOneRequest() async throws {
        let (out, requests) = try await run("list | first 5 | count")
        #expect(out == "5\n")
        #expect(requests.count == 1, "\(requests)")
    }

    /// With the planner off (with it, `list | count` reads `total` from one page: PlannerRequestTests).
    @Test func countReadsEveryPage() async throws {
        let (out, requests) = try await run("set pushdown false\nlist | count")
        let total = Int(out.trimmingCharacters(in: .newlines)) ?? 0
        #expect(total >= 300)
        #expect(
            requests.count == total / 100 + 1 || requests.count == (total + 99) / 100, "\(requests.count) for \(total)")
    }

    @Test func readAheadStopsAtTheLimit() async throws {
        let (out, requests) = try await run("list limit=150 | count")
        #expect(out == "150\n")
        #expect(requests.count == 2, "\(requests)")
    }

    @Test func limitBoundsThePageSize() async throws {
        let (_, requests) = try await run("list limit=7 | count")
        #expect(requests.count == 1)
        #expect(requests.first?.contains("pageSize=7") == true, "\(requests)")
    }
}
