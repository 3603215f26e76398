import Foundation
import Testing

@testable import AstREPL

@Suite("Tab completion")
struct CompletionEngineTests {
    @Test(
        "completes to a unique candidate, with its suffix",
        arguments: [
            ("li", "list "),
            ("list stat", "list status="),
            ("list status=fa", "list status=failed "),
            ("list status=failed,canc", "list status=failed,cancelled "),
            ("list sort=created_at:d", "list sort=created_at:desc "),
            ("list | where .executionR", "list | where .executionResult."),
            ("list | where .executionResult.out", "list | where .executionResult.outcome "),
            ("list | where .executionResult?.rea", "list | where .executionResult?.reasoning "),
            ("list | where (.stat", "list | where (.status "),
            ("list | each { rerun $it.ag", "list | each { rerun $it.agentId "),
            ("$fa", "$fail"),
            ("$it", "$it "),
            ("$failed | first | $failed.st", "$failed | first | $failed.status "),
            ("list | sort-by created --d", "list | sort-by created --desc "),
            ("list | sort-by exec", "list | sort-by executionResult."),
            ("list | select executionResult.rea", "list | select executionResult.reasoning "),
            ("execute ops", "execute ops-helper "),
            ("execute Onb", "execute \"Onboarding Form Filler\" "),
            ("execute \"Onb", "execute \"Onboarding Form Filler\" "),
            ("execute Pri", "execute \"Price \\\"Pro\\\" Monitor\" "),
            ("get 3c", "get 3c90c3cc-0d44-4b50-8888-8dd25736052a "),
            ("list | each -p 4 rer", "list | each -p 4 rerun "),
            ("list | each -p 4 rerun --y", "list | each -p 4 rerun --yes "),
            ("help sor", "help sort-by "),
            ("let x = li", "let x = list "),
            ("let x = list | where .sta", "let x = list | where .status "),
            ("for e in list st", "for e in list status="),
            ("list; cou", "list; count "),
            ("set dr", "set dry-run "),
            ("set format jsonl", "set format jsonl "),
            ("set format ta", "set format table "),
        ])
    func unique(typed: String, expected: String) {
        #expect(Fixtures.tab(typed) == expected)
    }

    @Test("status=fa completes to failed; status= lists every status")
    func enumValues() {
        #expect(Fixtures.tab("list status=fa") == "list status=failed ")
        #expect(Fixtures.candidates("list status=") == Fixtures.statuses)
        #expect(Fixtures.candidates("list sort=") == ["created_at:asc", "created_at:desc"])
    }

    @Test("several candidates: the common prefix first, then the list")
    func commonPrefixThenList() {
        // `c` → cancel, count: no common prefix beyond `c`, so Tab lists them.
        let engine = Fixtures.engine
        let first = engine.complete(line: "list status=c", cursor: 13)
        #expect(first.action == .list(["completed", "cancelled"]))  // in the source's order
        let agents = engine.complete(line: "execute bil", cursor: 11)
        #expect(agents.action == .insert(deleting: 3, text: "billing-"))
        let after = agents.applied(to: "execute bil", cursor: 11)
        #expect(after.line == "execute billing-")
        let second = engine.complete(line: after.line, cursor: after.cursor)
        #expect(second.action == .list(["billing-audit", "billing-bot"]))
    }

    @Test("named arguments of the command under the cursor, not of the first command")
    func argumentsOfCurrentStage() {
        #expect(Fixtures.candidates("list status=failed | wait ti") == ["timeout="])
        #expect(Fixtures.candidates("list | wait timeout=10m | li") == ["list"])
        #expect(Fixtures.candidates("list l").contains("label="))
        #expect(Fixtures.candidates("list l").contains("limit="))
    }

    @Test(
        "cursor in the middle of a line, after non-ASCII text",
        arguments: [
            ("print \"héllo ✓\"; list sta|^ | count", "print \"héllo ✓\"; list status=|^ | count"),
            ("print \"日本語\" | li|^", "print \"日本語\" | list |^"),
            ("let é = 1; list | where .exe|^cutionResult", "let é = 1; list | where .executionResult.|^cutionResult"),
            ("list st|^atus=failed", "list status=|^atus=failed"),
            ("print \"👩‍💻\"; $faile|^", "print \"👩‍💻\"; $failed |^"),
        ])
    func middleOfLine(typed: String, expected: String) {
        #expect(Fixtures.tab(typed) == expected)
    }

    @Test("cursor offsets are Unicode scalars, and the start points at the partial word")
    func scalarOffsets() {
        let line = "print \"é✓\"; list stat"
        let completion = Fixtures.engine.complete(line: line, cursor: line.unicodeScalars.count)
        #expect(completion.start == line.unicodeScalars.count - 4)
        #expect(completion.partial == "stat")
    }

    @Test("variables: $ lists them, after $it. fields of what flows in")
    func variables() {
        #expect(Fixtures.candidates("$f") == ["$failed", "$fails"])
        #expect(Fixtures.tab("$fai") == "$fail")
        #expect(Fixtures.candidates("list | where $it.executionResult.") == ["outcome", "reasoning", "result"])
    }

    @Test("no completion inside a comment or an ordinary string, or without a vocabulary")
    func nothing() {
        #expect(Fixtures.candidates("list # st").isEmpty)
        #expect(Fixtures.candidates("print \"li").isEmpty)
        #expect(Fixtures.candidates("where .stat").isEmpty)  // nothing flows in: no schema
        #expect(Fixtures.engine.complete(line: "zz", cursor: 2).action == .none)
    }

    @Test("command names where a stage starts, including inside blocks and parentheses")
    func commandPositions() {
        #expect(Fixtures.candidates("").contains("list"))
        #expect(Fixtures.candidates("").contains("let"))
        #expect(Fixtures.candidates("list | ta") == ["table"])
        #expect(Fixtures.candidates("list | each { re") == ["rerun", "return"])
        #expect(Fixtures.candidates("(li") == ["list"])
        // Keywords come from AstSyntax (`Keywords.statements`), the same list the REPL offers.
        #expect(Fixtures.candidates("list |\nco") == ["continue", "count"])
    }

    @Test("file paths after open, save and source")
    func paths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ast-complete-\(getpid())")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("réports"), withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: directory.appendingPathComponent("réports/jan.json").path, contents: Data())
        FileManager.default.createFile(atPath: directory.appendingPathComponent("run.ast").path, contents: Data())
        FileManager.default.createFile(atPath: directory.appendingPathComponent(".hidden").path, contents: Data())
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = CompletionEngine(source: Fixtures.source, paths: PathCompleter(baseDirectory: directory.path))
        func tab(_ line: String) -> String {
            engine.complete(line: line, cursor: line.unicodeScalars.count).applied(
                to: line, cursor: line.unicodeScalars.count
            ).line
        }
        #expect(tab("source ru") == "source run.ast ")
        #expect(tab("open ré") == "open réports/")
        #expect(tab("open réports/j") == "open réports/jan.json ")
        #expect(tab("open \"réports/j") == "open \"réports/jan.json\" ")
        #expect(tab("list | save ") == "list | save r")
        #expect(engine.complete(line: "open .h", cursor: 7).candidates.map(\.text) == [".hidden"])
        #expect(engine.complete(line: "open ", cursor: 5).candidates.map(\.text) == ["run.ast", "réports"].sorted())
    }

    @Test("longest common prefix compares scalars")
    func commonPrefix() {
        #expect(Completion.commonPrefix(["cancelled", "canceled"]) == "cancel")
        #expect(Completion.commonPrefix(["é✓a", "é✓b"]) == "é✓")
        #expect(Completion.commonPrefix([]) == "")
        #expect(Completion.commonPrefix(["x"]) == "x")
    }
}

@Suite("Tab presses")
struct TabPressesTests {
    @Test("insert the common prefix, then list on the next Tab; an ambiguous word beeps, then lists")
    func doubleTab() {
        var presses = TabPresses()
        let engine = Fixtures.engine
        let first = engine.complete(line: "execute bil", cursor: 11)
        #expect(presses.press(first, line: "execute bil", cursor: 11) == .insert(deleting: 3, text: "billing-"))
        let second = engine.complete(line: "execute billing-", cursor: 16)
        #expect(presses.press(second, line: "execute billing-", cursor: 16) == .list(["billing-audit", "billing-bot"]))

        var fresh = TabPresses()
        let ambiguous = engine.complete(line: "list status=c", cursor: 13)
        #expect(fresh.press(ambiguous, line: "list status=c", cursor: 13) == .beep)
        #expect(fresh.press(ambiguous, line: "list status=c", cursor: 13) == .list(["completed", "cancelled"]))
        let none = engine.complete(line: "zz", cursor: 2)
        #expect(fresh.press(none, line: "zz", cursor: 2) == .beep)
    }
}
