import AstCommands
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidSandbox
import Foundation
import Testing

/// The one runner of the golden corpus: each script runs in a fresh session (API scripts against one
/// shared in-process sandbox) and its stdout lines, diagnostics and exit code are compared.
@Suite struct GoldenTests {
    @Test func corpusIsLarge() {
        let expectations = GoldenCase.all.reduce(0) { $0 + $1.expectedLines.count + $1.expectedErrors.count }
        #expect(GoldenCase.all.count >= 150)
        #expect(expectations >= 600)
    }

    /// A typo in a directive fails its script (it used to read `# expect exit:2` as "expect exit 0").
    @Test func unknownDirectivesAreRejected() {
        let text = "exit 2  # expect exit:2\nprint 1  # expect 1\n# sandboxed\nprint 2  # expect: 2\n# expect exit: two"
        let golden = GoldenCase(name: "typo.ast", path: "typo.ast", text: text)
        #expect(
            golden.problems == [
                "typo.ast:1: unknown directive «# expect exit:2»",
                "typo.ast:2: unknown directive «# expect 1»",
                "typo.ast:3: unknown directive «# sandboxed»",
                "typo.ast:5: unknown directive «# expect exit: two»",
            ])
        #expect(golden.expectedLines == ["2"])
        #expect(!golden.needsSandbox)
    }

    @Test(arguments: GoldenCase.all)
    func golden(_ golden: GoldenCase) async throws {
        #expect(golden.problems.isEmpty, "\(golden.problems.joined(separator: "\n"))")
        let result = try await GoldenHarness.run(
            golden.text, name: golden.name, sandbox: golden.needsSandbox, arguments: golden.arguments)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
        let same =
            trimmed.count == golden.expectedLines.count
            && zip(trimmed, golden.expectedLines).allSatisfy { GoldenCase.matches($0, $1) }
        let shown = trimmed.joined(separator: "\n")
        let wanted = golden.expectedLines.joined(separator: "\n")
        #expect(same, "stdout of \(golden.name):\n\(shown)\nexpected:\n\(wanted)\nstderr:\n\(result.err)")
        for expected in golden.expectedErrors {
            #expect(result.err.contains(expected), "stderr of \(golden.name) lacks «\(expected)»:\n\(result.err)")
        }
        if golden.expectedExit == -1 {
            #expect(result.code != 0, "\(golden.name) should fail")
        } else {
            #expect(result.code == golden.expectedExit, "exit code of \(golden.name); stderr:\n\(result.err)")
        }
    }
}

/// Runs scripts the way `ast FILE` does (`Session.runScript`, less signals), with output captured.
enum GoldenHarness {
    static func run(_ text: String, name: String, sandbox: Bool, arguments: [String] = [], dryRun: Bool = false)
        async throws -> (out: String, err: String, code: Int32)
    {
        let output = BufferedOutput()
        var settings = Settings()
        settings.dryRun = dryRun
        let api = sandbox ? try await SharedSandbox.shared.service() : nil
        let session = Session(
            api: api, output: output, settings: settings, arguments: arguments, environment: ["HOME": "/tmp"])
        var err = ""
        let outcome = await session.runScript(SourceFile(name: name, text: text)) { err += $0 + "\n" }
        err = output.stderr + err
        return (output.stdout, err, outcome.exitCode)
    }
}

/// One sandbox for the whole test run (fast lifecycle, fixed seed).
actor SharedSandbox {
    static let shared = SharedSandbox()
    private var server: SandboxServer?
    private var api: APIService?

    /// The sandbox's base URL (starting it if needed).
    func baseURL() async throws -> URL {
        _ = try await service()
        guard let server else { throw CancellationError() }
        return server.baseURL
    }

    func service() async throws -> APIService {
        if let api { return api }
        let server = try await SandboxServer.start(.inMemory(seed: 7, executions: 300, speed: 20))
        self.server = server
        let api = APIService(configuration: ClientConfiguration(baseURL: server.baseURL, apiKey: "test-key"))
        self.api = api
        return api
    }
}
