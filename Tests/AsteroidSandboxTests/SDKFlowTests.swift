import Foundation
import Testing

@testable import AsteroidSandbox

/// Runs scripts/sdk-check/flow.py (the official Python SDK) against an in-process sandbox.
/// Manual: `SANDBOX_SDK_PYTHON=.venv-sdk/bin/python swift test --filter SDKFlow` (needs asteroid-odyssey).
@Suite("official Python SDK flow (manual)")
struct SDKFlowTests {
    static let python = ProcessInfo.processInfo.environment["SANDBOX_SDK_PYTHON"] ?? ""

    @Test("flow.py passes", .enabled(if: !python.isEmpty))
    func flow() async throws {
        let sandbox = try await SandboxServer.start(.inMemory(seed: 1, executions: 300, speed: 5))
        defer { Task { await sandbox.stop() } }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python, relativeTo: root)
        process.arguments = [
            root.appendingPathComponent("scripts/sdk-check/flow.py").path, sandbox.baseURL.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        print(String(decoding: data, as: UTF8.self))
        #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
        await sandbox.stop()
    }
}
