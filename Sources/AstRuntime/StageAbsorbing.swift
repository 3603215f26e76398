import AstSyntax

/// A command that may take over stages after it in its pipeline (the query planner: `list | where … |
/// count` as one request). The evaluator offers it the call and the stages that follow; it answers
/// with its output and the stages still to run (the ones it did not absorb, possibly rewritten), or
/// nil to be run as usual.
package protocol StageAbsorbing: Command {
    func absorb(_ call: Invocation, following: [Stage]) async throws -> (output: Value, remaining: [Stage])?
}

extension Interpreter {
    /// Binds a command call's arguments as running it would, without running it (`explain`).
    package func invocation(for call: CommandCall, command: any Command, input: Value, env: Env) async throws
        -> Invocation
    {
        try await bind(call, to: command.signature, input: input, env: env)
    }
}
