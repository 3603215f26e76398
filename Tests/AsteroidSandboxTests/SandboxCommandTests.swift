import Foundation
import Testing

/// `ast sandbox` as a process: option values that used to crash it are start-up errors (exit 2), and the
/// key can stay off the command line.
@Suite("ast sandbox options", .serialized)
struct SandboxCommandTests {
    @Test(
        "bad --speed and --faults values stop it with exit 2 and a message naming the option",
        arguments: [
            (["--speed", "1e-300"], "--speed"), (["--speed", "nan"], "--speed"), (["--speed", "0"], "--speed"),
            (["--faults", "latency:1e300s"], "--faults"), (["--faults", "latency:infs"], "--faults"),
            (["--faults", "latency:9223372036854775807ms"], "--faults"), (["--faults", "after-700:0.1"], "--faults"),
            (["--api-key-file", "/nonexistent/key"], "--api-key-file"),
        ])
    func refused(_ arguments: [String], _ option: String) throws {
        let (status, errors) = try SandboxProcess.refused(arguments)
        #expect(status == 2, "\(arguments): exit \(status), \(errors)")
        #expect(errors.contains(option), "\(errors)")
    }

    @Test("a control character in the key is refused without echoing it")
    func controlCharacter() throws {
        let (status, errors) = try SandboxProcess.refused(
            [], environment: ["ASTEROID_SANDBOX_API_KEY": "sk-secret\u{7}x"])
        #expect(status == 2)
        #expect(!errors.contains("sk-secret"), "\(errors)")
    }

    /// Only `key` is accepted, and it was not on the command line.
    func expectOnly(_ key: String, _ sandbox: SandboxProcess) async throws {
        #expect(!(sandbox.process.arguments ?? []).contains { $0.contains(key) })
        let right = try await ShutdownTests.call(sandbox.base + "/executions", key: key)
        #expect(right.0 == 200)
        let wrong = try await ShutdownTests.call(sandbox.base + "/executions", key: key + "x")
        #expect(wrong.0 == 401)
    }

    @Test("the key from ASTEROID_SANDBOX_API_KEY")
    func keyFromEnvironment() async throws {
        let sandbox = try SandboxProcess.start(
            ["--executions", "1"], environment: ["ASTEROID_SANDBOX_API_KEY": "env-key-1"])
        defer { sandbox.stop() }
        try await expectOnly("env-key-1", sandbox)
    }

    @Test("the key from --api-key-file, a CRLF line end dropped")
    func keyFromFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ast-sandbox-key-\(UUID().uuidString)")
            .path
        try Data("file-key-2\r\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sandbox = try SandboxProcess.start(["--executions", "1", "--api-key-file", path])
        defer { sandbox.stop() }
        try await expectOnly("file-key-2", sandbox)
    }
}
