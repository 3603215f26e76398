import AstCommands
import AstRuntime
import AstSyntax
import Testing

/// The safety scan finds a mutating command wherever an `each` action can reach it: in field access,
/// indexing, interpolation, `exit`, nested blocks, other commands' closures and `def` chains.
@Suite struct MutationScanTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let action: String
        var defs = ""
        let expected: [String]
        var testDescription: String { defs.isEmpty ? action : "\(defs) ⟶ \(action)" }
    }

    static let reached: [Case] = [
        Case(action: "{ (rerun $it).id }", expected: ["rerun"]),
        Case(action: "{ (rerun $it)?.id }", expected: ["rerun"]),
        Case(action: "{ \"new: \\(rerun $it | .id)\" }", expected: ["rerun"]),
        Case(action: "{ [(cancel $it)][0] }", expected: ["cancel"]),
        Case(action: "{ [1, 2][(pause $it | count)] }", expected: ["pause"]),
        Case(action: "{ exit (resume $it | count) }", expected: ["resume"]),
        Case(action: "{ let x = (rerun $it).id; $x }", expected: ["rerun"]),
        Case(action: "{ try { rerun $it } catch e { print $e.message } }", expected: ["rerun"]),
        Case(action: "{ if true { { a: (cancel $it).status } } }", expected: ["cancel"]),
        Case(action: "{ [$it] | where (pause $it).status == \"paused\" }", expected: ["pause"]),
        Case(action: "{ [$it] | sort-by { (resume $it).id } }", expected: ["resume"]),
        Case(action: "{ [(rerun $it).id, (cancel $it).id] }", expected: ["rerun", "cancel"]),
        Case(action: "{ -(rerun $it | count) }", expected: ["rerun"]),
        Case(action: "{ let v = if true { (rerun $it).id } else { null }; $v }", expected: ["rerun"]),
        Case(
            action: "{ a }", defs: "def a() { b }\ndef b() { c $it }\ndef c(x) { (rerun $x).id }", expected: ["rerun"]),
        Case(
            action: "{ r 3 }",
            defs: "def r(n) { if $n > 0 { r ($n - 1) } else { \"\\(cancel $it | .id)\" } }", expected: ["cancel"]),
        Case(action: "{ ping }", defs: "def ping() { pong }\ndef pong() { ping; (pause $it).id }", expected: ["pause"]),
        Case(action: "{ d }", defs: "def d(x = (rerun $it).id) { $x }", expected: ["rerun"]),
        Case(action: "rerun", expected: ["rerun"]),
        Case(action: "{ (get $it).id }", expected: []),
        Case(action: "{ \"\\(list | count)\" }", expected: []),
        Case(action: "{ quiet }", defs: "def quiet() { quiet; [1] | count }", expected: []),
    ]

    @Test(arguments: reached)
    func scan(_ c: Case) async throws {
        let session = Session(api: nil, output: BufferedOutput(), environment: [:])
        if !c.defs.isEmpty { #expect(await session.evaluate(c.defs) == .output("")) }
        let interpreter = session.interpreter
        let parsed = Parser.parse("[1] | each \(c.action)", options: interpreter.parserOptions)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        guard case .pipeline(let pipeline)? = parsed.program.statements.last?.kind,
            case .command(let each)? = pipeline.stages.last, let argument = each.arguments.last
        else {
            Issue.record("not an each stage: \(c.action)")
            return
        }
        let body: Closure.Body
        switch argument {
        case .stage(let call): body = .stage(call)
        case .positional(let expr):
            guard case .block(let block) = expr.kind else {
                Issue.record("not a block: \(c.action)")
                return
            }
            body = .block(block)
        case .named, .flag:
            Issue.record("not an action: \(c.action)")
            return
        }
        let closure = Closure(body: body, scope: interpreter.globals, source: SourceFile(name: "scan", text: c.action))
        #expect(interpreter.mutatingCommandNames(in: closure) == c.expected)
        #expect(interpreter.isMutating(closure) == !c.expected.isEmpty)
    }

    @Test func wholePipelines() async {
        let session = Session(api: nil, output: BufferedOutput(), environment: [:])
        _ = await session.evaluate("def fix(x) { \"\\((resume $x).status)\" }")
        let interpreter = session.interpreter
        func names(_ text: String) -> [String] {
            let parsed = Parser.parse(text, options: interpreter.parserOptions)
            guard case .pipeline(let pipeline)? = parsed.program.statements.first?.kind else {
                return ["not a pipeline"]
            }
            return interpreter.mutatingCommandNames(in: .pipeline(pipeline), scope: interpreter.globals)
        }
        #expect(names("list status=failed | where .id != (fix $it) | count") == ["resume"])
        #expect(names("list status=failed | sort-by { (cancel $it).id } | first") == ["cancel"])
        #expect(names("list status=failed | first 3 | .id") == [])
    }
}
