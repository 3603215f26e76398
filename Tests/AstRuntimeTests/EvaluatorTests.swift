import Testing

@Suite struct EvaluatorTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("[1, 2, 3] | where $it > 1 | count", "2"),
        ("let x = {a: {b: 5}}\n$x.a.b", "5"),
        ("\"sum: \\(1 + 2)\"", "sum: 3"),
        ("def sq(n) { $n * $n }\nsq 4", "16"),
        ("def add(a, b = 10) { $a + $b }\nadd 1", "11"),
        ("1h + 30m", "5400"),
        ("[3, 1, 2] | sort-by --desc | first", "3"),
        ("not 1 == 2", "true"),
        ("null ?? 4", "4"),
        ("\"abc\" =~ \"^a\"", "true"),
        ("2 in [1, 2]", "true"),
        ("[1, 2, 3] | each -p 2 { $it * 10 } | json -c", "[10,20,30]"),
        ("for x in [1, 2] { print $x }", "1\n2"),
        ("try { [1] | get-nothing } catch e { print $e.message }", ""),
        ("{a: 1}.b?", ""),
        ("[{a: 1}, {a: 2}] | .a | json -c", "[1,2]"),
    ])
    func evaluates(_ source: String, _ expected: String) async {
        let result = await Harness.run(source)
        if source.contains("get-nothing") {
            #expect(result.code == 2)
            return
        }
        #expect(result.out.trimmingCharacters(in: .newlines) == expected, "\(result.err)")
        #expect(result.code == 0, "\(result.err)")
    }
}
