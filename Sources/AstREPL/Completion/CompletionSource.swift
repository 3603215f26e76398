import AstSyntax

/// What Tab may offer, as seen by the live session. Answers are synchronous: the REPL takes a
/// snapshot (`ReplEngine.completionSource()`) before each prompt, and the editor asks it from
/// inside the Tab key handler.
package protocol CompletionSource: Sendable {
    /// Command names, including functions defined with `def` this session.
    var commandNames: [String] { get }
    /// Statement keywords (`let`, `def`, `if`…), offered where a command may start.
    var keywords: [String] { get }
    /// Named arguments and flags of `command`.
    func arguments(of command: String) -> [ArgumentSpec]
    /// What a bare positional argument of `command` is.
    func positionalKind(of command: String) -> PositionalKind
    /// Values for `argument=` of `command`: enum values (`status=` → `failed`…), agent names, ids.
    func values(of command: String, argument: String) -> [String]
    /// A closed set of values for the next bare positional argument, given those already typed
    /// (`set ` → setting names; `set format ` → the formats).
    func positionalChoices(of command: String, after positionals: [String]) -> [String]
    /// Variables defined now, without `$` (`it`, `_`, `failed`…).
    var variableNames: [String] { get }
    /// Agent names seen this session (offered where an agent is expected).
    var agentNames: [String] { get }
    /// Execution ids seen this session, most recent first.
    var recentExecutionIDs: [String] { get }
    /// Fields of the records that `upstream` (pipeline source text, or `$var`) yields, below `path`.
    /// `upstream` is empty when nothing flows in.
    func fields(flowingFrom upstream: String, path: [String]) -> [FieldCandidate]
}

extension CompletionSource {
    package func positionalChoices(of command: String, after positionals: [String]) -> [String] { [] }
}

/// One named argument or flag of a command.
package struct ArgumentSpec: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// `name=value` (completed as `name=`, no space).
        case named
        /// `--name` (completed with a space).
        case flag
    }
    package let name: String
    package let kind: Kind

    package init(_ name: String, kind: Kind = .named) {
        self.name = name
        self.kind = kind
    }
}

/// What a command's bare positional argument is, for completion.
package enum PositionalKind: Sendable, Equatable {
    case none
    /// Another command (`each rerun`, `help list`).
    case command
    /// An execution id (`get`, `rerun`, `cancel`…).
    case executionID
    /// An agent (`execute AGENT`).
    case agent
    /// A file path (`open`, `save`, `source`).
    case path
    /// A field name or path (`select`, `sort-by`, `group-by`).
    case field
}

/// A field of a record schema; `isRecord` fields complete with a trailing `.`.
package struct FieldCandidate: Sendable, Equatable {
    package let name: String
    package let isRecord: Bool

    package init(_ name: String, isRecord: Bool = false) {
        self.name = name
        self.isRecord = isRecord
    }
}

/// A plain-data `CompletionSource`: used by tests and by adapters that copy the session's vocabulary.
package struct StaticCompletionSource: CompletionSource {
    package var commandNames: [String] = []
    package var keywords: [String] = Keywords.statements
    package var argumentsByCommand: [String: [ArgumentSpec]] = [:]
    package var positionalByCommand: [String: PositionalKind] = [:]
    /// Choices for bare positionals, by command then by the positionals already typed, joined by " ".
    package var positionalChoicesByCommand: [String: [String: [String]]] = [:]
    /// Keyed by `command` then argument name; the key `"*"` applies to every command.
    package var valuesByArgument: [String: [String: [String]]] = [:]
    package var variableNames: [String] = []
    package var agentNames: [String] = []
    package var recentExecutionIDs: [String] = []
    /// Fields by upstream command (first word of the upstream's last stage) and path joined by `.`.
    package var fieldsByUpstream: @Sendable (String, [String]) -> [FieldCandidate] = { _, _ in [] }

    package init() {}

    package func arguments(of command: String) -> [ArgumentSpec] {
        argumentsByCommand[command] ?? []
    }

    package func positionalKind(of command: String) -> PositionalKind {
        positionalByCommand[command] ?? .none
    }

    package func values(of command: String, argument: String) -> [String] {
        valuesByArgument[command]?[argument] ?? valuesByArgument["*"]?[argument] ?? []
    }

    package func fields(flowingFrom upstream: String, path: [String]) -> [FieldCandidate] {
        fieldsByUpstream(upstream, path)
    }

    package func positionalChoices(of command: String, after positionals: [String]) -> [String] {
        positionalChoicesByCommand[command]?[positionals.joined(separator: " ")] ?? []
    }
}
