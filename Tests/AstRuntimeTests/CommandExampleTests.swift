import AstBuiltins
import AstHost
import AstRuntime
import Testing

/// Every builtin's declared examples run and give the declared result (the same declarations `help` shows).
@Suite struct CommandExampleTests {
    static let examples: [(command: String, code: String, result: String)] = (Builtins.all + HostCommands.all).flatMap {
        command in
        command.signature.examples.compactMap { example in
            example.result.map { (command.signature.name, example.code, $0) }
        }
    }

    @Test func everyCommandHasAnExample() {
        for command in Builtins.all + HostCommands.all {
            #expect(!command.signature.examples.isEmpty, "\(command.signature.name) has no example")
            #expect(!command.signature.summary.isEmpty)
        }
        #expect(Self.examples.count >= 25)
    }

    @Test(arguments: examples.map { "\($0.command): \($0.code)" })
    func example(_ label: String) async throws {
        let example = try #require(Self.examples.first { "\($0.command): \($0.code)" == label })
        let result = await Harness.run(example.code + " | json -c")
        #expect(result.out.trimmingCharacters(in: .newlines) == example.result, "\(result.err)")
    }
}
