import AstBuiltins
import AstRuntime
import AstSyntax
import Testing

/// What the examples cannot show: terminal-only output, laziness over endless streams, and the edges.
@Suite struct StandardLibraryTests {
    /// Runs `text` as if stdout were a terminal (or not).
    static func run(_ text: String, terminal: Bool) async -> String {
        let output = BufferedOutput()
        var settings = Settings()
        settings.terminalOutput = terminal
        let interpreter = Interpreter(registry: Builtins.registry, output: output, settings: settings)
        var err = ""
        switch await interpreter.run(SourceFile(name: "test.ast", text: text)) {
        case .invalid(let diagnostics, _): err = DiagnosticRenderer().render(diagnostics)
        case .failed(let diagnostic): err = DiagnosticRenderer().render(diagnostic)
        default: break
        }
        return output.stdout + output.stderr + err
    }

    @Test func histogramDrawsBarsAtATerminalOnly() async {
        let code = "[1, 1, 2, 8] | histogram --buckets 2 | each { $it.bar? } | json -c"
        let full = String(repeating: "█", count: 40)
        // 1 of 3 is 40/3 = 13⅓ cells: 13 full cells and 3 eighths.
        let third = String(repeating: "█", count: 13) + "▍"
        #expect(await Self.run(code, terminal: true) == "[\"\(full)\",\"\(third)\"]\n")
        #expect(await Self.run(code, terminal: false) == "[null,null]\n")
    }

    @Test(arguments: [
        "range 1 1000000000000 | enumerate | first 2 | each { .index } | json -c",
        "range 1 1000000000000 | chunks 1 | first 2 | flatten | json -c",
        "range 1 1000000000000 | any $it > 1",
        "range 1 1000000000000 | upper-or-keep",
    ])
    func endlessStreamsAreReadOnlyAsFarAsNeeded(_ code: String) async {
        let text = code.replacingOccurrences(of: " | upper-or-keep", with: " | round | first 2 | json -c")
        let out = await Self.run(text, terminal: false)
        #expect(["[0,1]\n", "[1,2]\n", "true\n"].contains(out), "\(code): \(out)")
    }

    @Test func rangeStopsAtTheLargestInteger() async {
        let out = await Self.run("range 9223372036854775806 9223372036854775807 | json -c", terminal: false)
        #expect(out == "[9223372036854775806,9223372036854775807]\n")
    }

    @Test(arguments: [
        ("\"abc\" | pad-left 5 xy", "pad-left needs one fill character"),
        ("[1] | chunks 0", "chunks needs a size of 1 or more"),
        ("range 1 5 0", "range needs a step other than 0"),
        ("{a: 1} | update b 2", "update: the record has no field 'b'"),
        ("[1, 2m] | p50", "p50 cannot mix numbers and durations"),
        ("5 | keys", "keys needs a record, got int 5"),
        ("101 | percentile 101", "percentile needs N from 0 to 100"),
        ("\"a\" | split \"\"", "split needs a separator that is not empty"),
    ])
    func mistakesAreNamed(_ code: String, _ message: String) async {
        let out = await Self.run(code, terminal: false)
        #expect(out.contains(message), "\(code): \(out)")
    }
}
