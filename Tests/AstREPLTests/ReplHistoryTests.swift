import CLibEdit
import Foundation
import Testing

@testable import AstREPL

/// libedit's history file round trip. Serialized: the C.UTF-8 / C cases change the process locale.
@Suite("History file", .serialized)
struct ReplHistoryTests {
    func temporaryPath() -> String {
        let base = FileManager.default.temporaryDirectory.path + "/ast-history-\(UUID().uuidString)"
        return base + "/state/ast/history"
    }

    /// Removes the temporary directory made for `path` (`…/ast-history-UUID/state/ast/history`).
    func cleanUp(_ path: String) {
        let base = ((((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent) as NSString)
            .deletingLastPathComponent
        try? FileManager.default.removeItem(atPath: base)
    }

    func mode(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_mode & 0o777)
    }

    @Test(
        "round trip keeps entries, in order, across restarts; file and directory are private",
        arguments: ["C.UTF-8", "C"])
    func roundTrip(locale: String) throws {
        setlocale(LC_CTYPE, locale)
        defer { TerminalLocale.configure() }
        let path = temporaryPath()
        defer { cleanUp(path) }
        let policy = HistoryPolicy(secrets: ["sk-secret-value"])
        let entries = [
            "list status=failed", "print \"héllo ✓ 日本語\"", "def f() {\n\tlist\n}", "print \"back\\\\slash\"",
        ]
        do {
            let history = try #require(ReplHistory(policy: policy, path: path))
            for entry in entries { #expect(history.add(entry)) }
            #expect(!history.add("print \"sk-secret-value\""))
            #expect(!history.add(" hidden"))
            #expect(history.entries == entries)
        }
        #expect(mode(path) == 0o600)
        #expect(mode((path as NSString).deletingLastPathComponent) == 0o700)
        let restarted = try #require(ReplHistory(policy: policy, path: path))
        #expect(restarted.load() == entries.count)
        #expect(restarted.entries == entries)
        let text = try String(contentsOfFile: path, encoding: .isoLatin1)
        #expect(text.hasPrefix("_HiStOrY_V2_"))
        #expect(!text.contains("sk-secret-value"))
        #expect(!text.contains("hidden"))
    }

    @Test("bounded: only the newest `capacity` entries are kept, and the file stays loadable")
    func bounded() throws {
        let path = temporaryPath()
        defer { cleanUp(path) }
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: path, capacity: 5))
        for n in 1...12 { history.add("print \(n)") }
        #expect(history.entries == (8...12).map { "print \($0)" })
        let again = try #require(ReplHistory(policy: HistoryPolicy(), path: path, capacity: 5))
        again.load()
        again.add("print 13")
        #expect(again.entries == (9...13).map { "print \($0)" })
    }

    @Test("a file written with a secret in it (older version, other tool) is cleaned on load")
    func secretsDroppedOnLoad() throws {
        let path = temporaryPath()
        defer { cleanUp(path) }
        let permissive = try #require(ReplHistory(policy: HistoryPolicy(), path: path))
        permissive.add("list")
        permissive.add("print \"sk-live-0123456789\"")
        permissive.add("get x --api-key k")
        let strict = try #require(ReplHistory(policy: HistoryPolicy(secrets: ["sk-live-0123456789"]), path: path))
        #expect(strict.load() == 1)
        #expect(strict.entries == ["list"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("sk-live"))
        #expect(!text.contains("api-key"))
    }

    @Test("two prompts open at once both keep their lines in the file")
    func concurrentSessions() throws {
        let path = temporaryPath()
        defer { cleanUp(path) }
        let first = try #require(ReplHistory(policy: HistoryPolicy(), path: path, capacity: 4))
        let second = try #require(ReplHistory(policy: HistoryPolicy(), path: path, capacity: 4))
        first.add("print 1")
        second.add("print 2")
        first.add("print 3")
        second.add("print 4")
        second.add("print 5")
        #expect(first.entries == ["print 1", "print 3"])
        let reopened = try #require(ReplHistory(policy: HistoryPolicy(), path: path, capacity: 4))
        reopened.load()
        #expect(reopened.entries == ["print 2", "print 3", "print 4", "print 5"])
    }

    @Test("a file that is not a libedit history is left alone, and the problem is said once")
    func foreignFileUntouched() throws {
        let path = temporaryPath()
        defer { cleanUp(path) }
        HistoryLocation.prepareDirectory(for: path)
        try "echo from another tool\n".write(toFile: path, atomically: true, encoding: .utf8)
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: path))
        #expect(history.load() == 0)
        #expect(history.takeProblem()?.contains("left as it is") == true)
        #expect(history.takeProblem() == nil)
        #expect(history.add("list"))
        #expect(history.entries == ["list"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "echo from another tool\n")
    }

    @Test("an unwritable location is reported, and the prompt keeps working")
    func unwritable() throws {
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: "/proc/ast-cannot-write/history"))
        #expect(history.add("list"))
        #expect(history.takeProblem()?.contains("cannot write") == true)
        #expect(history.entries == ["list"])
    }

    @Test("a missing file loads nothing; consecutive duplicates are kept once")
    func missingAndDuplicates() throws {
        let path = temporaryPath()
        defer { cleanUp(path) }
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: path))
        #expect(history.load() == 0)
        history.add("list")
        history.add("list")
        history.add("count")
        #expect(history.entries == ["list", "count"])
    }

    @Test("the `history` command lists recent entries, numbered")
    func historyCommand() throws {
        let history = try #require(ReplHistory(policy: HistoryPolicy(), path: nil))
        for entry in ["list", "def f() {\n  1\n}", "count"] { history.add(entry) }
        #expect(HistoryCommand.run("history", history: history) == "1  list\n2  def f() {\n     1\n   }\n3  count")
        #expect(HistoryCommand.run("history 1", history: history) == "3  count")
        #expect(HistoryCommand.run("history | count", history: history) == nil)
        #expect(HistoryCommand.run("list", history: history) == nil)
    }
}
