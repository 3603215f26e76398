import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation
import Testing

/// Paging by offset while executions join the listing (issue 11, seen in scripts/reliability's kill -9
/// round): in a statement that changes executions, `list` reads its pages one after another, so an
/// execution that joins the listing mid-read can only repeat an item, never hide one.
@Suite("list pages in a bulk change", .serialized)
struct ListPagingTests {
    /// Pages of 5; when armed, page 2 of the listing is held until pages fetched ahead have been answered,
    /// then a running execution is cancelled (it joins `status=cancelled` near the top) before page 2 is
    /// forwarded.
    final class JoiningTransport: AsteroidTransport, @unchecked Sendable {
        let base = AsyncHTTPClientTransport()
        let lock = NSLock()
        var joiner: URL?
        var listPages: [String] = []

        func send(_ request: TransportRequest, timeout: Duration) async throws(TransportFailure) -> TransportResponse {
            var request = request
            guard request.method == "GET", request.url.path.hasSuffix("/executions"),
                var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
            else { return try await base.send(request, timeout: timeout) }
            components.queryItems = (components.queryItems ?? []).map {
                $0.name == "pageSize" ? URLQueryItem(name: "pageSize", value: "5") : $0
            }
            if let url = components.url { request.url = url }
            let page = components.queryItems?.first { $0.name == "page" }?.value ?? "1"
            let joiner = lock.withLock {
                listPages.append(page)
                return page == "2" ? self.joiner.take() : nil
            }
            if let joiner {
                try? await Task.sleep(for: .milliseconds(300))
                var cancel = request
                cancel.method = "POST"
                cancel.url = joiner
                cancel.body = nil
                _ = try await base.send(cancel, timeout: timeout)
            }
            return try await base.send(request, timeout: timeout)
        }

        func shutdown() async throws { try await base.shutdown() }
    }

    @Test("an execution that joins the listing mid-read hides no other from a bulk change")
    func joiningExecutionHidesNothing() async throws {
        let f = try await SandboxSession.start(.inMemory(seed: 5, executions: 400), transport: JoiningTransport())
        _ = await f.run("let before = (list status=cancelled | .id)\nlet newest = (list status=running | first | .id)")
        let before = try JSONDecoder().decode([String].self, from: Data(await f.json("$before").utf8))
        #expect(before.count > 10, "enough cancelled executions for three pages of 5: \(before.count)")
        let newest = try JSONDecoder().decode(String.self, from: Data(await f.json("$newest").utf8))
        f.transport.lock.withLock {
            f.transport.joiner = f.server.baseURL.appendingPathComponent("executions/\(newest)/cancel")
            f.transport.listPages = []
        }
        // A dry run: the bulk change collects its targets and yields one placeholder per target.
        _ = await f.run("set dry-run true\nlet targets = (list status=cancelled | rerun --again | .parentExecutionId)")
        let targets = Set(try JSONDecoder().decode([String].self, from: Data(await f.json("$targets").utf8)))
        let hidden = before.filter { !targets.contains($0) }
        #expect(hidden.isEmpty, "listed before, not acted on: \(hidden)\n\(f.output.stderr)")
        #expect(f.transport.lock.withLock { f.transport.listPages.first } == "1")
        await f.stop()
    }
}
