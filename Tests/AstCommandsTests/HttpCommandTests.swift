import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation
import Testing

@testable import AstCommands

/// `http` against a local server the test starts.
@Suite("http: JSON in and out, retries on idempotent calls, an error per status", .serialized)
struct HttpCommandTests {
    static func run(_ text: String) async -> (RunOutcome, String, String) {
        let output = BufferedOutput()
        let api = APIService(configuration: ClientConfiguration(baseURL: URL(fileURLWithPath: "/"), apiKey: "k"))
        let session = Session(api: api, output: output, environment: [:])
        let outcome = await session.interpreter.run(SourceFile(name: "t", text: text))
        return (outcome, output.stdout, output.stderr)
    }

    @Test("post sends the value as JSON with the given headers; the JSON answer is a value")
    func postJSON() async throws {
        let server = try EchoServer()
        defer { server.stop() }
        let (outcome, out, _) = await Self.run(
            #"http post \#(server.base)/echo {text: "reran 3", n: 3} headers={X-Test: "yes"} | json -c"#)
        #expect(outcome.exitCode == 0)
        #expect(
            out == #"{"method":"POST","path":"/echo","header":"yes","body":"{\"text\":\"reran 3\",\"n\":3}"}"# + "\n")
    }

    @Test("a status outside 2xx is an error naming it (and the body), exit 1, with the status in the details")
    func statusError() async throws {
        let server = try EchoServer()
        defer { server.stop() }
        let (outcome, _, _) = await Self.run("http get \(server.base)/status/404?token=secret")
        guard case .failed(let diagnostic) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(diagnostic.message == "http: GET \(server.base)/status/404: 404 Not Found: custom failure text")
        #expect(!diagnostic.message.contains("secret"))
        #expect(outcome.exitCode == 1)
    }

    @Test("get retries a 503 (idempotent); post does not")
    func retries() async throws {
        let server = try EchoServer()
        defer { server.stop() }
        let (ok, out, _) = await Self.run("http get \(server.base)/flaky | .ok")
        #expect(ok.exitCode == 0)
        #expect(out == "true\n")
        let (posted, _, _) = await Self.run("http post \(server.base)/flaky {}")
        #expect(posted.exitCode == 1)
        #expect(server.requests == ["GET /flaky", "GET /flaky", "POST /flaky"])
    }

    @Test("a text answer is a string; a URL that is not http(s) is refused before anything is sent")
    func textAndBadURL() async throws {
        let server = try EchoServer()
        defer { server.stop() }
        let (_, out, _) = await Self.run("http get \(server.base)/text")
        #expect(out == "hello\n")
        let (bad, _, _) = await Self.run("http get ftp://example.com/x")
        guard case .failed(let diagnostic) = bad else {
            Issue.record("expected a failure, got \(bad)")
            return
        }
        #expect(diagnostic.message == "http: 'ftp://example.com/x' is not an http or https URL")
    }
}
