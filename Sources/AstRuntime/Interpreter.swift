import AstSyntax
import Foundation

/// What one evaluation needs to know about where it is.
package struct Env: Sendable {
    package var scope: Scope
    package var source: SourceFile
    package var depth: Int
    /// The files being run by `source`, outermost first (bounded by `Interpreter.maxSourceDepth`).
    package var sources: [String]

    package init(scope: Scope, source: SourceFile, depth: Int = 0, sources: [String] = []) {
        self.scope = scope
        self.source = source
        self.depth = depth
        self.sources = sources
    }

    func child(_ bindings: [String: Value] = [:]) -> Env {
        Env(scope: scope.child(bindings), source: source, depth: depth, sources: sources)
    }
}

/// Session settings changed with `set NAME VALUE` or command-line flags.
package struct Settings: Sendable {
    package enum Format: String, Sendable, CaseIterable { case auto, table, json, jsonl, csv, text }

    /// Ask before a pipeline changes more than one execution (interactive only).
    package var confirm = true
    /// Print requests instead of sending mutating ones.
    package var dryRun = false
    package var format: Format = .auto
    package var color = false
    /// stdin and stdout are terminals: prompts and tables are allowed.
    package var interactive = false
    /// stdout is a terminal: render tables.
    package var terminalOutput = false
    package var width = 100
    /// Let the query planner send `where`, `count`, `first`, `sort-by` and `last` after `list` to the API.
    package var pushdown = true
    /// Print each API request, with its status and time, as it happens (`--verbose`).
    package var trace = false

    /// At the prompt, show results taller than the terminal through `$PAGER` (`less -FRX`); never when piped.
    package var pager = true
    /// At the prompt, print each entry's wall time and request count after it (psql's `\timing`).
    package var timing = false

    package init() {}

    package static let names = [
        "confirm", "dry-run", "format", "color", "width", "pushdown", "trace", "pager", "timing", "rate",
    ]
}

/// The evaluator and its session: commands, global scope, settings, output.
package final class Interpreter: @unchecked Sendable {
    package let registry: Registry
    package let globals: Scope
    package let output: OutputSink
    package let maxDepth: Int
    /// How many `source` files may be open inside one another (a file that sources itself stops here).
    package static let maxSourceDepth = 64
    private let lock = NSLock()
    private var _settings: Settings
    private var _extensions: [String: any Sendable] = [:]
    private let clock: @Sendable () -> Date
    /// Asks the user a yes/no question (nil when nobody can answer: then the answer is "yes").
    package let confirmer: (@Sendable (String) async -> Bool)?

    package init(
        registry: Registry, output: OutputSink, settings: Settings = Settings(), maxDepth: Int = 200,
        clock: @escaping @Sendable () -> Date = { Date() }, confirmer: (@Sendable (String) async -> Bool)? = nil
    ) {
        self.registry = registry
        self.output = output
        self._settings = settings
        self.maxDepth = maxDepth
        self.clock = clock
        self.confirmer = confirmer
        self.globals = Scope()
    }

    package var settings: Settings {
        get { lock.withLock { _settings } }
        set { lock.withLock { _settings = newValue } }
    }

    package func updateSettings(_ change: (inout Settings) -> Void) {
        lock.withLock { change(&_settings) }
    }

    package var now: Date { clock() }

    /// Services other modules attach (the API client, caches for completion).
    package func setExtension(_ key: String, _ value: any Sendable) {
        lock.withLock { _extensions[key] = value }
    }

    package func extensionValue<T>(_ key: String, as type: T.Type = T.self) -> T? {
        lock.withLock { _extensions[key] as? T }
    }

    package var parserOptions: ParserOptions { registry.parserOptions }

    /// Every callable name: commands and `def` functions.
    package var callableNames: [String] { registry.names + globals.visibleFunctions }

    /// Asks before a bulk change, when someone can answer and confirmation is on. The question shows
    /// what would change: the count, a breakdown by agent and status, and the first few items.
    package func confirmBulk(verb: String, items: [Value]) async -> Bool {
        let settings = self.settings
        guard settings.confirm, settings.interactive, let confirmer else { return true }
        return await confirmer(BulkPreview(verb: verb, items: items).text(width: settings.width))
    }
}
