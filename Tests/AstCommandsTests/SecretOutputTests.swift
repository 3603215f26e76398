import AstCommands
import AstRuntime
import Foundation
import Testing

@Suite("The key never reaches stdout or stderr, whatever the script prints")
struct SecretOutputTests {
    static let key = "sk-test-Q7vR2mZ9xK4pL8wN"

    @Test("$env hides a copy of the key under another name, and variables that contain it")
    func envByValue() async {
        let output = BufferedOutput()
        let session = Session(
            api: nil, output: output,
            environment: [
                "ASTEROID_API_KEY": Self.key, "COPY": Self.key, "HEADER": "Bearer \(Self.key)",
                "GH_TOKEN": "ghp-abcdefgh12345", "ALSO": "ghp-abcdefgh12345", "HOME": "/tmp", "SHORT": "sk",
            ])
        let outcome = await session.evaluate("$env | json -c")
        guard case .output(let text) = outcome else {
            Issue.record("unexpected \(outcome)")
            return
        }
        #expect(!text.contains(Self.key))
        #expect(!text.contains("ghp-abcdefgh12345"))
        #expect(text.contains(#""COPY":"<redacted>""#))
        #expect(text.contains(#""HEADER":"<redacted>""#))
        #expect(text.contains(#""ALSO":"<redacted>""#))
        #expect(text.contains(#""HOME":"/tmp""#))
        #expect(text.contains(#""SHORT":"sk""#))
        #expect(!text.contains("ASTEROID_API_KEY"))
    }

    @Test("open /proc/self/environ --raw, print, JSON and diagnostics show a mask (real process)")
    func processOutput() async throws {
        let script = """
            open /proc/self/environ --raw
            print $env.COPY
            let k = "\(Self.key)"
            print $k
            $k + "\\r" | json -c
            {key: $k} | json -c
            """
        let result = try await AstProcess.run(
            ["--sandbox", "-c", script], environment: ["ASTEROID_API_KEY": Self.key, "COPY": Self.key])
        #expect(!result.stdout.contains(Self.key))
        #expect(!result.stderr.contains(Self.key))
        #expect(result.stdout.contains("ASTEROID_API_KEY=<redacted>"))
        #expect(result.stdout.contains("COPY=<redacted>"))
        #expect(result.stdout.contains(#""<redacted>\r""#))
        #expect(result.stdout.contains(#"{"key":"<redacted>"}"#))
        #expect(result.status == 0)
        // A diagnostic quotes the source line, which holds the key.
        let failed = try await AstProcess.run(
            ["--sandbox", "-c", "let k = \"\(Self.key)\"; nosuchcommand $k"],
            environment: ["ASTEROID_API_KEY": Self.key])
        #expect(failed.stderr.contains("unknown command 'nosuchcommand'"))
        #expect(failed.stderr.contains("let k = \"<redacted>\""))
        #expect(!failed.stderr.contains(Self.key))
        #expect(failed.status == 2)
    }

    @Test(
        "a key with a trailing CR: exit 2 before any request, dry run too, and the message hides it",
        arguments: [["-c", "list | first 1"], ["--dry-run", "-c", "list | first 1 | rerun"]])
    func carriageReturnKey(arguments: [String]) async throws {
        // Port 9 (discard): nothing listens, so a request that went out would fail differently.
        let result = try await AstProcess.run(
            arguments,
            environment: ["ASTEROID_API_KEY": Self.key + "\r", "ASTEROID_BASE_URL": "http://127.0.0.1:9/agents/v2"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ASTEROID_API_KEY contains a carriage return (\\r) at the end"))
        #expect(!result.stderr.contains(String(Self.key.prefix(8))))
        #expect(result.stdout.isEmpty)
    }
}
