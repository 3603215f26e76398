import Foundation
import Testing

/// Text snapshots kept beside the tests that use them: `assert` compares with `<directory>/<name>.txt`,
/// records a missing file (and fails once, so a new snapshot is looked at), and re-records every file when
/// `AST_RECORD=1`.
package struct Snapshots: Sendable {
    package let directory: URL

    /// `Snapshots/` next to the calling test file.
    package init(besides filePath: String = #filePath) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    package func assert(_ actual: String, named name: String) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["AST_RECORD"] == "1"
        if recording || !FileManager.default.fileExists(atPath: url.path) {
            try Data(actual.utf8).write(to: url)
            if !recording { Issue.record("recorded new snapshot \(name); run again to compare") }
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(actual == expected, "snapshot \(name) differs (re-record with AST_RECORD=1)")
    }
}
