import AstSyntax

/// An error of a script as data: its stable code (`E010`, documented in docs/language.md and
/// docs/embedding.md), message, where it is, and the text `ast` would print for it.
public struct ScriptDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The stable code: `E010` unknown command, `E050` not allowed here, `E051` budget exceeded, …
    public var code: String
    /// What went wrong, in one line.
    public var message: String
    /// A hint (`did you mean 'validate'?`), when there is one.
    public var help: String?
    /// The source's name (the path, or the name given to ``Engine/evaluate(_:name:cancellation:)``).
    public var file: String?
    /// 1-based line, when the error points into the source.
    public var line: Int?
    /// 1-based column (in characters), when the error points into the source.
    public var column: Int?
    /// As `ast` prints it: the message, the source line and a caret under the place, the help line.
    public var rendered: String

    /// The rendered text.
    public var description: String { rendered }

    init(_ diagnostic: Diagnostic) {
        code = diagnostic.code
        message = diagnostic.message
        help = diagnostic.help
        file = diagnostic.source?.name
        if let source = diagnostic.source, let span = diagnostic.span {
            let location = source.location(of: span.start)
            line = location.line
            column = location.column
        }
        rendered = DiagnosticRenderer(color: false).render(diagnostic)
    }
}

/// Why an evaluation did not produce a value.
public struct ScriptError: Error, Sendable, CustomStringConvertible {
    /// How the evaluation ended.
    public enum Kind: Sendable, Equatable {
        /// Parse or check errors (or a command the engine does not allow): nothing ran.
        case invalid
        /// A runtime error (a failed request, an assertion, a budget that ran out).
        case failed
        /// The script ran `exit N` with N ≠ 0.
        case exited(Int32)
        /// Cancelled through a ``CancellationHandle`` or the calling task.
        case cancelled
    }

    /// How it ended.
    public var kind: Kind
    /// One or more (a script with three mistakes reports three); empty for `exit N`.
    public var diagnostics: [ScriptDiagnostic]

    /// An error of this kind with these diagnostics.
    public init(kind: Kind, diagnostics: [ScriptDiagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// The first diagnostic's code (nil for `exit N`).
    public var code: String? { diagnostics.first?.code }

    /// The exit status `ast` would end with: 2 invalid, 1 failed, N for `exit N`, 130 cancelled.
    public var exitCode: Int32 {
        switch kind {
        case .invalid: 2
        case .failed: 1
        case .exited(let code): code
        case .cancelled: 130
        }
    }

    /// The rendered diagnostics (`exit N` for an exit without one).
    public var description: String {
        if case .exited(let code) = kind, diagnostics.isEmpty { return "exit \(code)" }
        return diagnostics.map(\.rendered).joined(separator: "\n")
    }
}

/// A misuse of the engine itself (a binding that is not a JSON value, a file that cannot be read).
public struct EngineError: Error, Sendable, CustomStringConvertible {
    /// What engine misuse happened.
    public var message: String
    /// The message.
    public var description: String { message }

    /// An error with this message.
    public init(message: String) { self.message = message }
}
