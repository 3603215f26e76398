import AstEngine
import Foundation
import Testing

/// A host command, a script that calls it, and the result decoded — using only the public product.
@Suite struct HostCommandTests {
    /// `score AGENT [weight=N] [--double]`: a Swift function the scripts call.
    static let score = HostCommand(
        "score", summary: "the host's score for an agent",
        positionals: [HostParameter("agent", .string, "the agent's name", required: true)],
        named: [HostParameter("weight", .int, "multiplies the score")],
        flags: [HostFlag("double", short: "d", "twice the score")],
        examples: [HostExample("score billing weight=2", "the billing agent's score, doubled")]
    ) { call in
        let agent = call.positional(0)?.stringValue ?? ""
        let weight = call.named["weight"]?.intValue ?? 1
        return .int(agent.count * weight * (call.flag("double") ? 2 : 1))
    }

    struct Report: Decodable, Equatable {
        var agent: String
        var score: Int
        var tags: [String]
    }

    @Test func aScriptCallsAHostCommandAndTheResultDecodes() async throws {
        try await withSandbox(EngineOptions(commands: [Self.score])) { engine in
            let report = try await engine.evaluate(
                #"let s = score "billing" weight=3 --double; {agent: "billing", score: $s, tags: ["a", "b"]}"#,
                as: Report.self)
            #expect(report == Report(agent: "billing", score: 42, tags: ["a", "b"]))
            // In a pipeline, with the previous stage's output as input.
            let viaInput = try await engine.evaluate(#"["ab", "abc"] | each { score $it }"#)
            #expect(viaInput == .list([.int(2), .int(3)]))
        }
    }

    @Test func aHostCommandIsListedCompletedAndSuggestedLikeABuiltIn() async throws {
        try await withSandbox(EngineOptions(commands: [Self.score])) { engine in
            #expect(engine.commandNames.contains("score"))
            let help = try await engine.evaluate("help")
            #expect(help.stringValue?.contains("score") == true)
            let usage = try await engine.evaluate("help score")
            #expect(usage.stringValue?.contains("usage: score [--double] AGENT [weight=INT]") == true)
            #expect(usage.stringValue?.contains("score billing weight=2") == true)
            #expect(await engine.completions(for: "sco").contains("score"))
            #expect(await engine.completions(for: "score x we").contains("weight="))
            // The checker's did-you-mean knows it, and its arguments.
            let misspelt = await failure(engine, "scroe billing")
            #expect(misspelt?.kind == .invalid)
            #expect(misspelt?.code == "E010")
            #expect(misspelt?.diagnostics.first?.help?.contains("score") == true)
            let badArgument = await failure(engine, "score billing wieght=2")
            #expect(badArgument?.code == "E013")
            #expect(badArgument?.diagnostics.first?.help?.contains("weight") == true)
        }
    }

    @Test func aHostCommandErrorIsTheScriptsErrorAtTheCall() async throws {
        let refuse = HostCommand("refuse", summary: "always fails") { _ in
            throw HostCommandError("the host says no", help: "ask the host")
        }
        try await withSandbox(EngineOptions(commands: [refuse])) { engine in
            let error = await failure(engine, "let x = 1\nrefuse")
            #expect(error?.kind == .failed)
            #expect(error?.diagnostics.first?.message == "the host says no")
            #expect(error?.diagnostics.first?.help == "ask the host")
            #expect(error?.diagnostics.first?.line == 2)
            // try/catch sees it like any error.
            let caught = try await engine.evaluate("try { refuse } catch err { $err.message }")
            #expect(caught == .string("the host says no"))
        }
    }

    @Test func aHostRemovesAndReplacesBuiltIns() async throws {
        let version = HostCommand("version", summary: "the host's version") { _ in .string("policy-host 2.1") }
        try await withSandbox(EngineOptions(commands: [version], removedCommands: ["save", "open"])) { engine in
            let value1 = try await engine.evaluate("version")
            #expect(value1 == .string("policy-host 2.1"))
            let removed = await failure(engine, #"[1] | save "x.json""#)
            #expect(removed?.code == "E010")
            #expect(!engine.commandNames.contains("open"))
        }
    }

    struct Limits: Encodable {
        var maximum: Int
        var agents: [String]
        var since: Date
    }

    @Test func swiftValuesBindToScriptVariables() async throws {
        try await withSandbox { engine in
            let since = Date(timeIntervalSince1970: 1_700_000_000)
            try engine.bind("limits", to: Limits(maximum: 3, agents: ["a", "b"], since: since))
            engine.bind("flag", value: .bool(true))
            let value = try await engine.evaluate(#"{n: $limits.maximum + 1, second: $limits.agents[1], flag: $flag}"#)
            #expect(value == .record(["n": .int(4), "second": .string("b"), "flag": .bool(true)]))
            let value2 = try await engine.evaluate("$limits.since")
            #expect(value2 == .string("2023-11-14T22:13:20Z"))
        }
    }

    @Test func anEngineRunsAScriptFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ast-embed-\(UUID()).ast").path
        try "def double(n) { $n * 2 }\ndouble 21\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The host reads the file: allowed even when scripts may not touch files.
        try await withSandbox(EngineOptions(capabilities: .readOnly)) { engine in
            let value = try await engine.evaluateFile(at: path)
            #expect(value == .int(42))
            // Definitions persist from one evaluation to the next, as in one `ast` session.
            let again = try await engine.evaluate("double 5")
            #expect(again == .int(10))
            try "double\n  nope".write(toFile: path, atomically: true, encoding: .utf8)
            let error = await fileFailure(engine, path)
            #expect(error?.diagnostics.first?.file == path)
            #expect(error?.diagnostics.first?.line == 2)
        }
    }

    @Test func diagnosticsComeBackAsData() async throws {
        try await withSandbox { engine in
            let error = await failure(engine, "let a = 1\nlet b = (1 +)\nbogus")
            #expect(error?.kind == .invalid)
            #expect(error?.exitCode == 2)
            let first = try #require(error?.diagnostics.first)
            #expect(first.file == "<script>")
            #expect(first.line == 2)
            #expect(first.column != nil)
            #expect(first.rendered.contains("^"))
            #expect(first.rendered.contains("let b = (1 +)"))
            let runtime = await failure(engine, #"assert 1 == 2"#)
            #expect(runtime?.kind == .failed)
            #expect(runtime?.exitCode == 1)
            #expect(await failure(engine, "exit 3")?.kind == .exited(3))
            let value3 = try await engine.evaluate("exit 0")
            #expect(value3 == .null)
        }
    }

    @Test func thePromptRunsOnTheEngineWithItsCommands() async throws {
        try await withSandbox(EngineOptions(capabilities: .readOnly, commands: [Self.score])) { engine in
            engine.bind("who", value: .string("abcd"))
            let shown = Printed()
            let code = await engine.runPrompt(
                lines: ["score $who", "help score", "rerun abc", "exit 4"], output: { shown.write($0) })
            #expect(code == 4)
            #expect(shown.text.contains("4\n"))
            #expect(shown.text.contains("usage: score [--double] AGENT [weight=INT]"))
            #expect(shown.text.contains("rerun is not allowed: this engine is read-only"))
        }
    }
}
