import AstRuntime

/// `history [N]`: declared here so `help`, completion and the man page list it; the interactive prompt
/// answers it itself (it keeps the history), so in a script it says where it works.
struct HistoryPromptCommand: Command {
    let signature = Signature(
        "history", "the prompt's last entries (20, or N), numbered; at the interactive prompt only",
        category: "session",
        positionals: [ParamSpec("count", .int, "how many of the last entries to list")],
        examples: [Example("history 5", "the last five entries typed at the prompt", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        throw call.error(
            "history is kept by the interactive prompt; a script has none",
            help: "type history (or history N) at the ast> prompt; the file is $XDG_STATE_HOME/ast/history")
    }
}
