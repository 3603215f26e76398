import AstCommands
import AstRuntime
import Foundation
import Testing

/// Every script in scripts/examples runs to completion under `--dry-run` (as `ast --sandbox --dry-run
/// --yes`): changes yield placeholders that the rest of the script reads and `wait` passes through.
@Suite struct DryRunExampleTests {
    /// Scripts that need `rerun`'s placeholders (built on another branch); tolerated until they land.
    static let needRerunPlaceholders: Set<String> = ["rerun-failures.ast"]

    @Test(arguments: ExampleScriptTests.scripts)
    func runsUnderDryRun(_ name: String) async throws {
        let text = try String(contentsOf: ExampleScriptTests.directory.appendingPathComponent(name), encoding: .utf8)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ast-dry-run-\(name).csv").path
        let result = try await GoldenHarness.run(
            text, name: name, sandbox: true, arguments: name.hasPrefix("export") ? [out] : [], dryRun: true)
        if Self.needRerunPlaceholders.contains(name) {
            withKnownIssue("rerun yields null under --dry-run until its placeholders land", isIntermittent: true) {
                #expect(result.code == 0, "\(name): \(result.err)")
            }
            return
        }
        #expect(result.code == 0, "\(name): \(result.err)")
    }
}
