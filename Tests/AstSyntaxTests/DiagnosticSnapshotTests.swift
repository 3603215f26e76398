import AstSyntax
import Foundation
import SnapshotSupport
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
        try snapshots.assert(rendered, named: "diagnostic-\(name)")
    }
}

private let snapshots = Snapshots()
