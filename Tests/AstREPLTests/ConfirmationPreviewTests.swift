import Foundation
import Testing

@testable import AstREPL

/// A bulk change's preview is printed above the prompt; only its last line is asked (a line editor
/// redraws just the prompt line).
@Suite("REPL confirmation preview")
struct ReplConfirmationPreviewTests {
    final class Shown: @unchecked Sendable {
        let lock = NSLock()
        var texts: [String] = []
        func add(_ text: String) { lock.withLock { texts.append(text) } }
    }

    @Test("the preview lines are shown, then the question is asked")
    func previewThenQuestion() async {
        let reader = ReplLoopTests.ScriptedReader([], answers: ["y", "n"])
        let shown = Shown()
        let console = ReplConsole(reader: reader, progressDisplay: nil, showPreview: { shown.add($0) })
        #expect(
            await console.confirm(
                "rerun 2 executions\n  by status: failed 2\n  a  Lead  failed\n  b  Lead  failed\nrerun 2 executions?"))
        #expect(await !console.confirm("cancel 2 executions?"))
        #expect(shown.texts == ["rerun 2 executions\n  by status: failed 2\n  a  Lead  failed\n  b  Lead  failed"])
        #expect(reader.prompts == ["rerun 2 executions? [y/N] ", "cancel 2 executions? [y/N] "])
    }

    @Test("a one-line question has no preview")
    func parts() {
        #expect(Prompt.confirmationParts("go?").preview == nil)
        #expect(Prompt.confirmationParts("go?").question == "go?")
        #expect(Prompt.confirmationParts("x\ny\ngo?  \n").preview == "x\ny")
        #expect(Prompt.confirmationParts("x\ny\ngo?  \n").question == "go?")
    }
}
