import Testing

/// Regressions for fixed bugs: static break/continue check, uniq equality, print with nothing, each -p 0,
/// division by zero's code, and the wording of a failed save.
@Suite struct StaticCheckAndEdgeCaseTests {
    @Test(arguments: [
        "print \"ran\"\nbreak", "continue", "def f() { break }\nfor x in [1] { f }", "if true { continue }",
    ])
    func breakOrContinueOutsideALoopIsACheckError(_ source: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 2)
        #expect(result.out.isEmpty, "nothing runs: \(result.out)")
        #expect(result.err.contains("test.ast:"), "located: \(result.err)")
        #expect(result.err.contains("error: break or continue outside a loop"))
    }

    @Test(arguments: [
        ("for x in [1, 2, 3] { if $x == 2 { continue }; print $x }", "1\n3"),
        ("for x in [1, 2, 3] { for y in [1] { break }; if $x == 2 { break }; print $x }", "1"),
    ])
    func breakAndContinueInsideALoopStillWork(_ source: String, _ expected: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.trimmingCharacters(in: .newlines) == expected)
    }

    @Test(arguments: [
        ("[1, 1.0, \"1\"] | uniq | json -c", "[1,\"1\"]"),
        ("[[1], [1.0], {a: 2}, {a: 2.0}, {a: 2, b: 1}] | uniq | json -c", "[[1],{\"a\":2},{\"a\":2,\"b\":1}]"),
        ("[null, false, 0, \"\", null] | uniq | json -c", "[null,false,0,\"\"]"),
    ])
    func uniqFollowsEquality(_ source: String, _ expected: String) async {
        let result = await Harness.run(source)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.trimmingCharacters(in: .newlines) == expected)
    }

    @Test func printWithNothingWritesAnEmptyLine() async {
        let result = await Harness.run("print\nprint null")
        #expect(result.out == "\nnull\n")
    }

    @Test func eachParallelZeroIsABadArgument() async {
        let result = await Harness.run("[1, 2] | each -p 0 { $it }")
        #expect(result.code == 1)
        #expect(result.err.contains("test.ast:1:15: error: each: -p needs a number of at least 1"), "\(result.err)")
        let caught = await Harness.run("try { [1] | each -p 0 { $it } } catch e { print $e.code }")
        #expect(caught.out == "E014\n")
    }

    @Test func divisionByZeroIsARuntimeError() async {
        let result = await Harness.run(
            "try { 1 / 0 } catch e { print $e.code }\ntry { 1.5 % 0 } catch e { print $e.code }")
        #expect(result.out == "E021\nE021\n")
    }

    @Test func saveIntoAMissingDirectorySaysSo() async {
        let result = await Harness.run("1 | save /tmp/ast-unit-no-such-dir/x.json")
        #expect(result.code == 1)
        #expect(
            result.err.contains(
                "cannot write /tmp/ast-unit-no-such-dir/x.json: no such directory /tmp/ast-unit-no-such-dir"),
            "\(result.err)")
        #expect(!result.err.contains("could not be completed"))
    }
}
