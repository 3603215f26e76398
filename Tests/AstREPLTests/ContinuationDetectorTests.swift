import Testing

@testable import AstREPL

@Suite("Continuation detection")
struct ContinuationDetectorTests {
    @Test(
        "incomplete: open brackets, open strings, trailing pipe, operator, = or ,",
        arguments: [
            "def retry(agent) {",
            "list | each {",
            "[1, 2,",
            "{a: 1,",
            "(list status=failed",
            "print \"unterminated",
            "print 'raw",
            "list status=failed |",
            "list |   ",
            "let x =",
            "1 +",
            "$a and",
            "where .status ==",
            "print \"\\(list | count",
            "def f() {\n  x = \"}\"",
            "if $x > 1 { # } in a comment",
        ])
    func incomplete(text: String) {
        #expect(ContinuationDetector.isIncomplete(text))
    }

    @Test(
        "complete",
        arguments: [
            "list",
            "",
            "list | count",
            "def retry(agent) {\n  list agent=$agent\n}",
            "print \"a { b\"",
            "print 'a ( b'",
            "print \"esc \\\" { \"",
            "print \"\\(list | count) items\"",
            "list # trailing | in a comment",
            "sort-by created --desc",
            "x}",
            "print \"héllo ✓ 日本語\"",
            "list | where .status == \"failed\"",
        ])
    func complete(text: String) {
        #expect(!ContinuationDetector.isIncomplete(text))
    }
}
