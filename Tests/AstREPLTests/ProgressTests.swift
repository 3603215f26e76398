import AstBuiltins
import AstRuntime
import Foundation
import Testing

/// The progress reporter of `each`/`wait`: the line it draws, when it draws and clears it, and the
/// summary shown after Ctrl-C.
@Suite("Progress line and board")
struct ProgressTests {
    final class RecordingDisplay: ProgressDisplay, @unchecked Sendable {
        let lock = NSLock()
        var events: [String] = []
        func draw(_ stage: ProgressSnapshot) {
            lock.withLock { events.append("draw \(stage.done)/\(stage.total ?? -1)") }
        }
        func clear() { lock.withLock { events.append("clear") } }
        var all: [String] { lock.withLock { events } }
    }

    @Test("the line: count, bar, failures; colours only when asked")
    func line() {
        let stage = ProgressSnapshot(label: "each", total: 10, started: 5, done: 3, failed: 2)
        #expect(stage.line(width: 40, color: false) == "each: 3/10 ▕█████░░░░░░░░░░░░▏ 2 failed")
        #expect(!stage.line(width: 40, color: false).contains("\u{1B}"))
        #expect(stage.line(width: 40, color: true).contains("\u{1B}[31m2 failed"))
        #expect(
            ProgressSnapshot(label: "each", total: 4, done: 4).line(width: 80, color: false).hasSuffix(
                "▕██████████████████████████████▏"))
        #expect(ProgressSnapshot(label: "each", total: 4, done: 1).line(width: 12, color: false) == "each: 1/4")
        #expect(ProgressSnapshot(label: "each", total: nil, done: 7).line(width: 80, color: false) == "each: 7 done")
    }

    @Test("the summary says what completed, what was under way and what never started")
    func summary() {
        #expect(
            ProgressSnapshot(label: "each", total: 5, started: 3, done: 2).summary
                == "each completed 2 of 5 items (1 cancelled, 2 not started)")
        #expect(
            ProgressSnapshot(label: "each", total: 5, started: 2, done: 2).summary
                == "each completed 2 of 5 items (3 not started)")
        #expect(
            ProgressSnapshot(label: "each", total: nil, started: 4, done: 3, failed: 1).summary
                == "each completed 3 items (1 failed, 1 cancelled)")
        #expect(
            ProgressSnapshot(
                label: "wait", total: 4, noun: "execution", inFlightWord: "still running", started: 4, done: 1
            ).summary
                == "wait completed 1 of 4 executions (3 still running)")
        #expect(ProgressSnapshot(label: "each", total: 1, started: 1, done: 1).summary == "each completed 1 of 1 item")
    }

    @Test("a display draws while a stage runs and is cleared when it ends; single items never draw")
    func drawing() async {
        let display = RecordingDisplay()
        let board = ProgressBoard(display: display, delay: .zero)
        let task = board.begin("each", total: 3)
        task.started()
        task.completed()
        #expect(display.all.contains { $0.hasPrefix("draw") })
        task.end()
        #expect(display.all.last == "clear")
        #expect(board.running.isEmpty)
        let single = ProgressBoard(display: display, delay: .zero)
        let before = display.all.count
        let one = single.begin("each", total: 1)
        one.started()
        one.completed()
        one.end()
        #expect(display.all.count == before)
    }

    @Test("freeze keeps what was under way at the interrupt, even after the stages end")
    func freeze() {
        let board = ProgressBoard()
        let outer = board.begin("each", total: 5)
        for _ in 0..<3 { outer.started() }
        outer.completed()
        outer.completed()
        board.freeze()
        outer.end()
        #expect(board.summary == "each completed 2 of 5 items (1 cancelled, 2 not started)")
        board.reset()
        #expect(board.summary == nil)
    }
}
