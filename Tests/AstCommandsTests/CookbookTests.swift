import Foundation
import Testing

/// Every cookbook script (scripts/examples/cookbook, docs/language.md "Cookbook") runs to completion against
/// the sandbox, prints something and reports no error.
@Suite struct CookbookTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/examples/cookbook").standardized

    static let scripts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".ast") }.sorted()

    @Test func thereAreTen() { #expect(Self.scripts.count >= 10) }

    @Test(arguments: scripts)
    func runs(_ name: String) async throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let result = try await GoldenHarness.run(text, name: name, sandbox: true)
        #expect(result.code == 0, "\(name): \(result.err)")
        #expect(result.err.isEmpty, "\(name): \(result.err)")
        #expect(!result.out.isEmpty, "\(name) printed nothing")
    }

    /// The `def main` script's generated help, as `ast SCRIPT --help` prints it.
    @Test func mainScriptHelp() async throws {
        let name = "05-rerun-failures-def-main.ast"
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let result = try await GoldenHarness.run(text, name: name, sandbox: true, arguments: ["--help"])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("usage: \(name) [AGENT] [--window DURATION] [--limit INT] [--rerun]\n"))
        #expect(result.out.contains("Reruns the failures of one agent"))
    }
}
