import AstCommands
import AstRuntime
import AstSyntax
import Foundation
import Testing

/// Every script in scripts/examples runs to completion against the sandbox.
@Suite struct ExampleScriptTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/examples").standardized

    static let scripts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".ast") }.sorted()

    @Test func thereAreAtLeastFive() { #expect(Self.scripts.count >= 5) }

    @Test(arguments: scripts)
    func runs(_ name: String) async throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ast-example-\(name).csv").path
        let result = try await GoldenHarness.run(
            text, name: name, sandbox: true, arguments: name.hasPrefix("export") ? [out] : [])
        #expect(result.code == 0, "\(name): \(result.err)")
        #expect(!result.out.isEmpty)
    }
}
