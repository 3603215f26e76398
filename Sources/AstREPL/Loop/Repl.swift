import Foundation

/// The read–evaluate–print loop: prompts (continued while an entry is incomplete), history,
/// Ctrl-C (drops the line while editing; cancels the pipeline while it runs, then says what had
/// completed), SIGTERM (like Ctrl-C on a running pipeline, then exit 143), Ctrl-D (exit 0 on an empty main prompt;
/// drops the unfinished entry at `...>`).
package final class Repl: Sendable {
    let engine: any ReplEngine
    let reader: any LineReader
    let history: ReplHistory?
    let prompt: Prompt
    let output: any ReplOutput
    let interrupts: any InterruptSource
    /// Requests sent so far (for `set timing true`); nil when unknown.
    let requestCount: (@Sendable () -> Int)?
    /// The pager for results taller than the terminal (`$PAGER`, else `less -FRX`); nil for none.
    let pagerCommand: String?
    /// Rows of the terminal (0: not a terminal, so never paged).
    let terminalRows: @Sendable () -> Int

    package init(
        engine: any ReplEngine, reader: any LineReader, history: ReplHistory?, prompt: Prompt,
        output: any ReplOutput, interrupts: any InterruptSource, requestCount: (@Sendable () -> Int)? = nil,
        pagerCommand: String? = nil, terminalRows: @escaping @Sendable () -> Int = { PromptComforts.terminalRows() }
    ) {
        self.requestCount = requestCount
        self.pagerCommand = pagerCommand
        self.terminalRows = terminalRows
        self.engine = engine
        self.reader = reader
        self.history = history
        self.prompt = prompt
        self.output = output
        self.interrupts = interrupts
    }

    /// Runs until Ctrl-D / end of input (returns 0), `exit N` (returns N) or SIGTERM (returns 143).
    package func run(version: String) async -> Int32 {
        // Listen for signals from the start: SIGTERM at an idle prompt then ends the session with 143.
        interrupts.setHandler(nil)
        if reader.isInteractive { output.notice(prompt.banner(version: version)) }
        reportHistoryProblem()
        var pending: [String] = []
        while true {
            if interrupts.terminationRequested { return terminatedExitStatus }
            reader.setCompletionSource(await engine.completionSource())
            let event = await reader.readLine(prompt: pending.isEmpty ? prompt.primary : prompt.continuation)
            switch event {
            case .endOfInput:
                // libedit echoed `^D` without a newline: end the line so the shell prompt starts clean.
                if reader.isInteractive { output.endTerminalLine() }
                if !pending.isEmpty, reader.isInteractive {
                    // Ctrl-D at a `...>` prompt drops the unfinished entry, like Ctrl-C; it exits only
                    // from an empty main prompt.
                    pending = []
                    output.notice(Self.discardedNotice)
                    continue
                }
                if !pending.isEmpty {
                    // A script on a pipe that ends inside a bracket: let the parser say where.
                    if case .exit(let code) = await evaluate(pending.joined(separator: "\n")) { return code }
                }
                return 0
            case .interrupted:
                pending = []
            case .line(let line):
                pending.append(line)
                let entry = pending.joined(separator: "\n")
                if engine.isIncomplete(entry) { continue }
                pending = []
                guard !entry.allSatisfy(\.isWhitespace) else { continue }
                if reader.isInteractive {
                    history?.add(entry)
                    reportHistoryProblem()
                }
                if let listing = HistoryCommand.run(entry, history: history) {
                    output.result(listing)
                    continue
                }
                if case .exit(let code) = await evaluate(entry) { return code }
            }
        }
    }

    func reportHistoryProblem() {
        if let problem = history?.takeProblem() { output.notice("history: " + problem) }
    }

    /// Evaluates one entry and shows its outcome; Ctrl-C cancels it (a second Ctrl-C stops waiting).
    func evaluate(_ entry: String) async -> ReplOutcome {
        let started = ContinuousClock.now
        let requestsBefore = requestCount?()
        let outcome = await InterruptibleEvaluation.run(entry, engine: engine, interrupts: interrupts)
        let elapsed = ContinuousClock.now - started
        let settings = (engine as? PromptSettingsSource)?.promptSettings ?? PromptSettings()
        defer {
            if settings.timing {
                let requests = requestsBefore.flatMap { before in requestCount.map { $0() - before } }
                output.notice(PromptComforts.timingLine(elapsed, requests: requests))
            }
        }
        switch outcome {
        case .output(let text):
            if !text.isEmpty { await show(text, paged: settings.pager) }
        case .failure(let diagnostic):
            output.notice(diagnostic)
        case .interrupted(let summary):
            // The terminal echoed `^C` (maybe over a progress line): rewrite that line as the notice.
            let notice = Self.interruptionNotice(summary, after: ContinuousClock.now - started)
            // SIGTERM took the Ctrl-C path (no `^C` was echoed); after the notice, leave as terminated.
            let terminated = interrupts.terminationRequested
            output.notice(reader.isInteractive ? "\r\u{1B}[K" + (terminated ? "" : "^C ") + notice : notice)
            if terminated { return .exit(terminatedExitStatus) }
        case .exit:
            break
        }
        return outcome
    }

    /// A result: through the pager when it is taller than the terminal, at an interactive prompt only
    /// (never when piped), unless `set pager off`.
    func show(_ text: String, paged: Bool) async {
        if paged, reader.isInteractive, let pagerCommand, PromptComforts.isTaller(text, than: terminalRows()),
            await output.page(text, command: pagerCommand)
        {
            return
        }
        output.result(text)
    }

    static let discardedNotice = "(unfinished entry discarded)"

    /// `interrupted after 1.5s`, then what the engine says had completed (never "interrupted" twice).
    static func interruptionNotice(_ summary: String, after elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let head = "interrupted after " + String(format: "%.1fs", seconds)
        var detail = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if detail.lowercased().hasPrefix("interrupted") {
            detail = String(detail.dropFirst("interrupted".count)).trimmingCharacters(
                in: CharacterSet(charactersIn: " :,."))
        }
        return detail.isEmpty ? head : head + ": " + detail
    }
}
