import AstBuiltins
import AstRuntime
import AstSyntax
import AsteroidClient
import Foundation
import Testing

@testable import AstCommands

/// A write whose effect the client could not settle (`AsteroidError.isOutcomeUnknown`) is reported as
/// unknown, never as failed, and counted apart from the failures.
@Suite("bulk changes: unknown outcomes are not failures")
struct BulkOutcomeTests {
    /// `touch [ID]`: a mutating command that succeeds, except for ids starting with "u" (outcome
    /// unknown) and "f" (a definite 409).
    struct Touch: Command {
        let signature = Signature(
            "touch", "a test change", category: "test",
            positionals: [ParamSpec("id", .string, "an id")], isMutating: true)

        func run(_ call: Invocation) async throws -> Value {
            let targets = try await call.mutationTargets(verb: "touch")
            return try await call.bulkChange(verb: "touch", targets: targets) { target in
                try await call.mutation { () throws(AsteroidError) -> Value in
                    if target.id.hasPrefix("u") {
                        throw AsteroidError(
                            kind: .outcomeUnknown, method: "POST", path: "/touch/\(target.id)",
                            detail: "the answer was lost and the follow-up read could not tell")
                    }
                    if target.id.hasPrefix("f") {
                        throw AsteroidError(
                            kind: .http, method: "POST", path: "/touch/\(target.id)", status: 409, detail: "conflict")
                    }
                    return .string("touched \(target.id)")
                }
            }
        }
    }

    func run(_ text: String) async -> (outcome: RunOutcome, out: String, interpreter: Interpreter) {
        let output = BufferedOutput()
        let interpreter = Interpreter(registry: APICommands.registry.merging([Touch()]), output: output)
        let outcome = await interpreter.run(SourceFile(name: "t", text: text))
        return (outcome, output.stdout, interpreter)
    }

    @Test(
        "each: unknown is counted apart, listed as unknown, and kept in $failed with outcome unknown",
        arguments: [#"["a1", "u2", "f3", "a4"] | each -p 2 touch"#, #"["a1", "u2", "f3", "a4"] | touch"#])
    func unknownIsNotFailed(_ program: String) async throws {
        let (outcome, out, interpreter) = await run(program + " | json -c")
        #expect(out == #"["touched a1","touched a4"]"# + "\n")
        guard case .failed(let diagnostic) = outcome else {
            Issue.record("expected the statement to fail, got \(outcome)")
            return
        }
        #expect(
            diagnostic.message.contains("1 of 4 items failed and 1 had an unknown outcome"), "\(diagnostic.message)")
        #expect(
            diagnostic.message.contains("  - u2: outcome unknown (check with `get`): POST /touch/u2: outcome unknown"))
        #expect(diagnostic.message.contains("  - f3: 409"))
        guard case .list(let failed)? = interpreter.globals.lookup("failed") else {
            Issue.record("expected $failed")
            return
        }
        let pairs = failed.compactMap { $0.recordValue }.map { "\($0["id"]?.text ?? "")=\($0["outcome"]?.text ?? "")" }
        #expect(pairs == ["u2=unknown", "f3=failed"])
    }
}
