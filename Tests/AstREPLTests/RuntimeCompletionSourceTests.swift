import AstRuntime
import Testing

@testable import AstREPL

/// Completion built from real command signatures and runtime values.
@Suite("Completion from the runtime")
struct RuntimeCompletionSourceTests {
    struct Fake: Command {
        let signature: Signature
        func run(_ call: Invocation) async throws -> Value { .null }
    }

    static let execution = Schema(
        name: "execution", fields: ["id", "status", "executionResult", "createdAt"],
        nested: ["executionResult": Schema(name: "executionResult", fields: ["outcome", "reasoning"])])

    func makeSource() -> RuntimeCompletionSource {
        let commands: [any Command] = [
            Fake(
                signature: Signature(
                    "list", "executions", category: "api",
                    named: [
                        ParamSpec("status", .string, "", choices: ["failed", "running", "cancelled"]),
                        ParamSpec("agent", .string, ""),
                    ],
                    outputSchema: "execution")),
            Fake(
                signature: Signature(
                    "where", "filter", category: "data", positionals: [ParamSpec("condition", .closure, "")],
                    style: .expression)),
            Fake(
                signature: Signature(
                    "each", "map", category: "data", positionals: [ParamSpec("action", .closure, "")],
                    flags: [FlagSpec("fail-fast", "")], style: .stage)),
            Fake(signature: Signature("select", "fields", category: "data", rest: ParamSpec("field", .field, ""))),
            Fake(
                signature: Signature("open", "read", category: "files", positionals: [ParamSpec("path", .string, "")])),
            Fake(
                signature: Signature(
                    "get", "one", category: "api", positionals: [ParamSpec("id", .string, "")],
                    outputSchema: "execution")),
        ]
        let interpreter = Interpreter(registry: Registry(commands), output: BufferedOutput())
        let record = Record(
            [("id", .string("e1")), ("inputs", .record(Record([("email", .string("a@b"))])))], schema: nil)
        interpreter.globals.define("picked", .list([.record(record)]))
        return RuntimeCompletionSource(
            interpreter: interpreter, schemaNamed: { $0 == "execution" ? Self.execution : nil },
            agentNames: ["billing-bot"], recentExecutionIDs: ["3c90c3cc-0d44-4b50-8888-8dd25736052a"])
    }

    func tab(_ line: String) -> String {
        let engine = CompletionEngine(source: makeSource())
        let cursor = line.unicodeScalars.count
        return engine.complete(line: line, cursor: cursor).applied(to: line, cursor: cursor).line
    }

    @Test("signatures drive command, argument, value and field completion")
    func signatures() {
        #expect(tab("li") == "list ")
        #expect(tab("list sta") == "list status=")
        #expect(tab("list status=fa") == "list status=failed ")
        #expect(tab("list agent=bil") == "list agent=billing-bot ")
        #expect(tab("list | where .executionR") == "list | where .executionResult.")
        #expect(tab("list | where .executionResult.out") == "list | where .executionResult.outcome ")
        #expect(
            tab("list | where .status == \"failed\" | each { get $it.crea")
                == "list | where .status == \"failed\" | each { get $it.createdAt ")
        #expect(tab("list | each --fail") == "list | each --fail-fast ")
        #expect(tab("get 3c") == "get 3c90c3cc-0d44-4b50-8888-8dd25736052a ")
        #expect(tab("list | select execu") == "list | select executionResult.")
        #expect(tab("$pi") == "$picked ")
        #expect(tab("$picked | first | $picked.inputs.em") == "$picked | first | $picked.inputs.email ")
    }

    @Test("positional kinds come from the signature")
    func kinds() {
        let source = makeSource()
        #expect(source.positionalKind(of: "each") == .command)
        #expect(source.positionalKind(of: "select") == .field)
        #expect(source.positionalKind(of: "open") == .path)
        #expect(source.positionalKind(of: "get") == .executionID)
        #expect(source.positionalKind(of: "where") == .none)
        #expect(source.variableNames.contains("_"))
        #expect(source.variableNames.contains("picked"))
    }
}
