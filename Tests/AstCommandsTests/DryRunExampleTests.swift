import AstCommands
import AstRuntime
import Foundation
import Testing

/// Every script in scripts/examples runs to completion under `--dry-run` (as `ast --sandbox --dry-run
/// --yes`): changes yield placeholders that the rest of the script reads and `wait` passes through.
@Suite struct DryRunExampleTests {
    @Test(arguments: ExampleScriptTests.scripts)
    func runsUnderDryRun(_ name: String) async throws {
        let text = try String(contentsOf: ExampleScriptTests.directory.appendingPathComponent(name), encoding: .utf8)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ast-dry-run-\(name).csv").path
        let result = try await GoldenHarness.run(
            text, name: name, sandbox: true, arguments: name.hasPrefix("export") ? [out] : [], dryRun: true)
        #expect(result.code == 0, "\(name): \(result.err)")
    }
}
