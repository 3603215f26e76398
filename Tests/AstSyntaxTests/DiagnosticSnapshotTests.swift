import AstSyntax
import Foundation
import Testing

/// Rendered diagnostics compared with files in Snapshots/ (re-record with AST_RECORD=1).
@Suite struct DiagnosticSnapshotTests {
    static let cases: [(String, String)] = [
        ("unexpected-token", "list | where .status == \n"),
        ("let-without-name", "let = 5"),
        ("unterminated-string", "print \"hello"),
        ("bad-escape", "print \"a\\qb\""),
        ("unclosed-block", "if true {\n  print 1\n"),
        ("several", "let = 1\nprint (1 + )\nlist | | count"),
        ("unicode-column", "print \"é😀\" )"),
    ]

    @Test(arguments: cases.map(\.0))
    func snapshot(_ name: String) throws {
        let text = try #require(Self.cases.first { $0.0 == name }).1
        let result = Parser.parse(SourceFile(name: "\(name).ast", text: text))
        let rendered = DiagnosticRenderer().render(result.diagnostics) + "\n"
        try Snapshot.assert(rendered, named: "diagnostic-\(name)")
    }
}

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assert(_ actual: String, named name: String) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["AST_RECORD"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try Data(actual.utf8).write(to: url)
            if ProcessInfo.processInfo.environment["AST_RECORD"] != "1" {
                Issue.record("recorded new snapshot \(name); run again to compare")
            }
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(actual == expected, "snapshot \(name) differs (re-record with AST_RECORD=1)")
    }
}
