import AstBuiltins
import AstCommands
import AstREPL
import AstRuntime
import AsteroidClient
import Foundation

extension Engine {
    /// Starts `ast`'s interactive prompt on this engine: its commands (host commands included), capabilities,
    /// options and bound variables, on its API connection. At a terminal it edits lines with libedit and keeps
    /// a history (`AST_HISTORY`…, as `ast` does); otherwise it reads plain lines from stdin. The prompt's
    /// `def`s and `let`s are its own (its session starts from this engine's setup). Returns the exit status:
    /// 0 at Ctrl-D or end of input, N after `exit N`.
    public func runPrompt(version: String = AsteroidClientVersion.current, noColor: Bool = false) async -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let configuration = connection.api.client.configuration
        return await runInteractive(
            target: target, version: version, apiKey: configuration.apiKey, environment: environment, noColor: noColor
        ) { console in
            self.promptEngine(
                confirmer: { await console.confirm($0) }, progressDisplay: console.progressDisplay,
                interactive: console.reader.isInteractive)
        }
    }

    /// The same prompt reading `lines` (as if typed, with no terminal) and writing what it shows to `output`:
    /// results, diagnostics and notices. For a host's own tests and for scripted sessions.
    public func runPrompt(lines: [String], output: @escaping @Sendable (String) -> Void) async -> Int32 {
        await AstREPL.runPrompt(
            reader: LinesReader(lines), history: nil, progressDisplay: nil, output: CallbackReplOutput(output),
            interrupts: NoInterrupts(), target: target, version: AsteroidClientVersion.current
        ) { _ in
            self.promptEngine(confirmer: nil, progressDisplay: nil, interactive: false)
        }
    }

    var target: ReplTarget {
        let url = baseURL.absoluteString
        return connection.sandbox == nil ? .api(baseURL: url) : .sandbox(baseURL: url)
    }

    func promptEngine(
        confirmer: (@Sendable (String) async -> Bool)?, progressDisplay: (any ProgressDisplay)?, interactive: Bool
    ) -> SessionReplEngine {
        let session = Self.makeSession(
            connection: connection, options: options, registry: registry, confirmer: confirmer,
            progressDisplay: progressDisplay, interactive: interactive)
        for (name, value) in bindings.all { session.interpreter.globals.define(name, value.runtime) }
        return SessionReplEngine(session: session, interactive: interactive, terminalOutput: interactive)
    }
}

/// Lines given up front, read one by one; then the end of input.
final class LinesReader: LineReader, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]

    init(_ lines: [String]) { self.lines = lines.reversed() }

    var isInteractive: Bool { false }

    func readLine(prompt: String) async -> LineEvent {
        lock.withLock { lines.popLast().map(LineEvent.line) ?? .endOfInput }
    }

    func setCompletionSource(_ source: any CompletionSource) {}

    /// Nobody is there to answer: no.
    func confirm(_ question: String) async -> Bool { false }
}

/// The prompt's results and notices, to the host's closure (each ending with a newline).
final class CallbackReplOutput: ReplOutput {
    let write: @Sendable (String) -> Void
    init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }
    func result(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }
    func notice(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }
    func endTerminalLine() {}
}

/// No signals: the host cancels through its own means.
final class NoInterrupts: InterruptSource {
    func setHandler(_ handler: (@Sendable () -> Void)?) {}
}

extension Engine {
    /// What Tab offers at the end of `line` at the prompt (command names, a command's `name=` arguments and
    /// flags, the values of a closed argument, variables, fields): host commands included, like built-ins.
    public func completions(for line: String) async -> [String] {
        let source = await SessionReplEngine(session: session, interactive: false, terminalOutput: false)
            .completionSource()
        return CompletionEngine(source: source).complete(line: line, cursor: line.count).candidates.map(\.text)
    }
}
