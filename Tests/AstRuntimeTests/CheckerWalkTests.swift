import Testing

/// The checker rides on the syntax walker: a mistake is found wherever it sits, and loop depth
/// follows `for` bodies (not their sequence) and restarts inside a `def`.
@Suite struct CheckerWalkTests {
    @Test(arguments: [
        "print \"\\((nope 1).x)\"", "[1][(nope)]", "exit (nope)", "def f(x = (nope)) { $x }",
        "let v = if true { nope } else { 1 }",
        "[1] | each { [{a: (nope)}] }", "[1] | where (nope $it).x", "[1] | sort-by { -(nope) }",
        "try { 1 } catch { nope }",
    ])
    func unknownCommandAnywhere(_ source: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 2, "\(source): \(result.err)")
        #expect(result.err.contains("unknown command 'nope'"), "\(source): \(result.err)")
    }

    @Test(arguments: [
        "for x in [1] { def g() { continue } }", "for x in ([1] | each { break }) { print $x }",
        "for x in [1] { print $x }\nbreak", "for x in [1] { for y in [2] { continue } }\ncontinue",
        "for x in [1] { def g() { for y in [2] { break }; break } }",
    ])
    func loopDepthFollowsBodies(_ source: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 2, "\(source): \(result.err)")
        #expect(result.err.contains("break or continue outside a loop"))
    }

    @Test(arguments: [
        "for x in [1, 2] { if $x == 1 { continue }; try { break } catch { null } }",
        "for x in [1] { [1] | each { continue } }",
        "for x in [1] { for y in [2] { continue }; break }",
        "for x in [1] { for y in ([1] | each { continue }) { break } }",
    ])
    func insideALoopIsFine(_ source: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 0, "\(source): \(result.err)")
    }
}
