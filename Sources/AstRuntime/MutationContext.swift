import AstSyntax

/// Whether the top-level statement now running may change executions (a task-local, so it reaches
/// every stage, block and stream the statement runs, including `each -p` workers). A command that
/// reads data a change may act on (`list`) is stricter inside such a statement.
package enum MutationContext {
    @TaskLocal package static var statementMutates = false
}

extension Interpreter {
    /// Runs one top-level statement with `MutationContext.statementMutates` set for it (the scan sees
    /// every `def` defined by the statements before it; a nested `source` keeps an outer `true`).
    func withMutationContext<T>(of statement: Statement, env: Env, _ body: () async throws -> T) async rethrows -> T {
        let closure = Closure(
            body: .expr(Expr(.statement(statement), statement.span)), scope: env.scope, source: env.source)
        let mutates = MutationContext.statementMutates || isMutating(closure)
        return try await MutationContext.$statementMutates.withValue(mutates) { try await body() }
    }
}
