import Foundation
import Testing

@testable import AstCommands

/// The durable "seen" set of `watch state=…`.
@Suite("watch state: append, fsync, torn lines, the look-back window")
struct WatchStateTests {
    static func temporary() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("watch-state-\(UUID().uuidString)/s").path
    }

    @Test("what is recorded is there after reopening; a torn last line (crash mid-write) is ignored")
    func reopenAndTornLine() throws {
        let path = Self.temporary()
        let now = Date()
        do {
            let state = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
            try state.record([("a", now), ("b", now)])
        }
        // A crash in the middle of the next append.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("c 17".utf8))
        try handle.close()
        let reopened = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
        #expect(reopened.contains("a") && reopened.contains("b"))
        #expect(!reopened.contains("c"))
        #expect(reopened.count == 2)
        // The rewrite on open left a clean file: one line per entry.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test("failure counts survive a reopen (the largest wins); handling an item clears its count, also on disk")
    func failureCounts() throws {
        let path = Self.temporary()
        let now = Date()
        do {
            let state = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
            try state.recordFailure(id: "a", created: now, count: 1)
            try state.recordFailure(id: "a", created: now, count: 2)
            try state.recordFailure(id: "b", created: now, count: 1)
            try state.record([("b", now)])
            #expect(state.failures(of: "a") == 2)
            #expect(state.failures(of: "b") == 0)
        }
        let reopened = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
        #expect(reopened.failures(of: "a") == 2)
        #expect(!reopened.contains("a"))
        #expect(reopened.contains("b") && reopened.failures(of: "b") == 0)
        // The rewrite keeps one line per item: `b` handled, `a` with its count.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.contains { $0.hasPrefix("a ") && $0.hasSuffix(" 2") })
        // A damaged count (or a hostile one) is read as past any allowance, never as a number to overflow.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("c \(WatchState.seconds(now)) 9223372036854775807\nd 1 -3\n".utf8))
        try handle.close()
        let damaged = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
        #expect(damaged.failures(of: "c") == WatchState.maxFailures)
        #expect(damaged.failures(of: "d") == 0)
        // A failure recorded after an item was handled changes nothing.
        try reopened.recordFailure(id: "b", created: now, count: 5)
        #expect(reopened.failures(of: "b") == 0)
    }

    @Test("a long run forgets what left the window and compacts the file once forgotten lines dominate")
    func forgetAndCompact() throws {
        let path = Self.temporary()
        let now = Date()
        let state = try WatchState(path: path, keepAfter: .distantPast, slack: 10)
        let old = (0..<30).map { ("old-\($0)", now.addingTimeInterval(-7200)) }
        try state.record(old)
        try state.recordFailure(id: "old-failing", created: now.addingTimeInterval(-7200), count: 2)
        try state.record([("new", now)])
        func fileLines() throws -> Int { try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count }
        #expect(try fileLines() == 32)
        try state.forget(before: now.addingTimeInterval(-3600))
        #expect(state.count == 1 && state.contains("new") && !state.contains("old-0"))
        #expect(state.failures(of: "old-failing") == 0)
        // 31 forgotten lines > 1 live + 10: compacted to the live line, and appends go on after it.
        #expect(try fileLines() == 1)
        try state.record([("newer", now)])
        #expect(try fileLines() == 2)
        // Under the slack nothing is rewritten.
        try state.record([("old-again", now.addingTimeInterval(-7200))])
        try state.forget(before: now.addingTimeInterval(-3600))
        #expect(try fileLines() == 3)
        let reopened = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
        #expect(reopened.contains("new") && reopened.contains("newer") && reopened.count == 2)
    }

    @Test("entries created before the look-back window are forgotten on open (no poll can list them)")
    func windowPrunes() throws {
        let path = Self.temporary()
        let now = Date()
        try WatchState(path: path, keepAfter: .distantPast).record([
            ("old", now.addingTimeInterval(-7200)), ("new", now),
        ])
        let reopened = try WatchState(path: path, keepAfter: now.addingTimeInterval(-3600))
        #expect(!reopened.contains("old"))
        #expect(reopened.contains("new"))
    }

    @Test("read-only (--dry-run): read, but nothing written")
    func readOnly() throws {
        let path = Self.temporary()
        let now = Date()
        try WatchState(path: path, keepAfter: .distantPast).record([("a", now)])
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let dry = try WatchState(path: path, keepAfter: .distantPast, readOnly: true)
        #expect(dry.contains("a"))
        try dry.record([("b", now)])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }

    @Test("a name goes under XDG_STATE_HOME (else ~/.local/state); a value with a / is a path")
    func paths() {
        #expect(WatchState.path(for: "reruns", environment: ["XDG_STATE_HOME": "/s"]) == "/s/ast/watch/reruns")
        #expect(WatchState.path(for: "reruns", environment: ["HOME": "/h"]) == "/h/.local/state/ast/watch/reruns")
        #expect(WatchState.path(for: "./x", environment: [:]) == "./x")
        #expect(WatchState.path(for: "reruns", environment: [:]) == nil)
    }
}
