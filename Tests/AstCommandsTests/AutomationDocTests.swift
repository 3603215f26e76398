import AsteroidSandbox
import Foundation
import Testing

/// docs/automation.md: every command in its `console` blocks runs (each block as one shell script,
/// `set -e`) against a sandbox, from the repository root, and exits 0.
@Suite("docs/automation.md: every command runs", .serialized)
struct AutomationDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `$ ` lines of each ```console block.
    static func blocks() throws -> [[String]] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/automation.md"), encoding: .utf8)
        var blocks: [[String]] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```console" {
                current = []
            } else if line.hasPrefix("```"), let block = current {
                blocks.append(block)
                current = nil
            } else if line.hasPrefix("$ ") {
                current?.append(String(line.dropFirst(2)))
            }
        }
        return blocks
    }

    @Test("the blocks run in order and each exits 0")
    func commandsRun() async throws {
        let blocks = try Self.blocks()
        #expect(blocks.count >= 5)
        let server = try await SandboxServer.start(.inMemory(seed: 9, executions: 300, speed: 50))
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("automation-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let bin = AstProcess.executable.deletingLastPathComponent().path
        for block in blocks {
            let script = "set -e\ncd '\(Self.root.path)'\n" + block.joined(separator: "\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            process.environment = [
                "PATH": "\(bin):/usr/bin:/bin", "ASTEROID_API_KEY": "sk-doc-test", "NO_COLOR": "1",
                "ASTEROID_BASE_URL": server.baseURL.absoluteString, "XDG_STATE_HOME": state.path, "HOME": state.path,
            ]
            process.currentDirectoryURL = state
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let status = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    _ = errors.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }
            }
            #expect(status == 0, "block failed: \(block.joined(separator: "; "))")
        }
        try? FileManager.default.removeItem(at: Self.root.appendingPathComponent("auto-rerun.log"))
        await server.stop()
    }
}
