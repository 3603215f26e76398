import AstBuiltins
import AstHost
import AstRuntime
import Foundation

/// The executable's entry point for the interactive prompt.
///
/// - `target`: the API or the in-process sandbox (shown in the banner and the prompt).
/// - `apiKey`: the configured key (from the environment or `--api-key`): never written to history.
/// - `noColor`: `--no-color` (`NO_COLOR` in `environment` is honoured too).
/// - `profile`: the config.toml profile in force, shown in the prompt (`ast[prod]> `).
/// - `requestCount`: requests sent so far, for `set timing true`.
/// - `makeEngine`: builds the session, given the console through which it asks `[y/N]` and draws
///   progress.
///
/// At a terminal this uses libedit with a persistent history; otherwise it reads plain lines.
/// Returns the process exit status: 0 on Ctrl-D / end of input, N after `exit N`.
package func runInteractive(
    target: ReplTarget,
    version: String,
    apiKey: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    noColor: Bool = false,
    profile: String? = nil,
    requestCount: (@Sendable () -> Int)? = nil,
    makeEngine: @Sendable (ReplConsole) async -> any ReplEngine
) async -> Int32 {
    let terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    let policy = HistoryPolicy.fromEnvironment(environment, extraSecrets: apiKey.map { [$0] } ?? [])
    var history: ReplHistory?
    var reader: any LineReader = PlainLineReader(showPrompts: false)
    if terminal {
        history = ReplHistory(policy: policy, path: HistoryLocation.path(environment: environment))
        history?.load()
        if let editor = LibEditLineReader(history: history) { reader = editor }
    }
    let display = terminal ? StderrProgressDisplay.forTerminal(environment: environment, noColor: noColor) : nil
    return await runPrompt(
        reader: reader, history: history, progressDisplay: display, output: TerminalOutput(),
        interrupts: SignalInterrupts.shared, target: target, version: version, profile: profile,
        requestCount: requestCount,
        pagerCommand: terminal ? PromptComforts.pagerCommand(environment: environment) : nil,
        makeEngine: makeEngine)
}

/// The prompt as a component, over any line reader and output (a host that embeds the language runs it
/// on its own session; `runInteractive` runs it at the terminal). Returns as `Repl.run` does.
package func runPrompt(
    reader: any LineReader,
    history: ReplHistory?,
    progressDisplay: (any ProgressDisplay)?,
    output: any ReplOutput,
    interrupts: any InterruptSource,
    target: ReplTarget,
    version: String,
    profile: String? = nil,
    requestCount: (@Sendable () -> Int)? = nil,
    pagerCommand: String? = nil,
    makeEngine: @Sendable (ReplConsole) async -> any ReplEngine
) async -> Int32 {
    let console = ReplConsole(reader: reader, progressDisplay: progressDisplay)
    let engine = await makeEngine(console)
    let repl = Repl(
        engine: engine, reader: reader, history: history, prompt: Prompt(target: target, profile: profile),
        output: output, interrupts: interrupts, requestCount: requestCount, pagerCommand: pagerCommand)
    return await repl.run(version: version)
}
