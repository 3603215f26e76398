/// An error as data: a stable code, a message, a labelled span in a source, and an optional help line.
/// One renderer (`DiagnosticRenderer`) turns it into text.
package struct Diagnostic: Error, Sendable, Hashable {
    package enum Severity: String, Sendable, Hashable { case error, warning }

    package var code: String
    package var message: String
    package var span: Span?
    package var label: String?
    package var help: String?
    package var severity: Severity
    /// The source the span points into; filled by whoever knows it (parser, evaluator).
    package var source: SourceFile?

    package init(
        _ code: String, _ message: String, span: Span? = nil, label: String? = nil, help: String? = nil,
        severity: Severity = .error, source: SourceFile? = nil
    ) {
        self.code = code
        self.message = message
        self.span = span
        self.label = label
        self.help = help
        self.severity = severity
        self.source = source
    }

    package static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.span == rhs.span && lhs.help == rhs.help
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(span)
    }

    /// The same diagnostic, pointing into `source` unless it already points somewhere.
    package func located(in source: SourceFile?, span fallback: Span? = nil) -> Diagnostic {
        var copy = self
        if copy.source == nil { copy.source = source }
        if copy.span == nil { copy.span = fallback }
        return copy
    }
}

/// Stable diagnostic codes (documented in docs/language.md).
package enum DiagnosticCode {
    package static let unexpectedToken = "E001"
    package static let unexpectedEnd = "E002"
    package static let unterminatedString = "E003"
    package static let invalidEscape = "E004"
    package static let invalidCharacter = "E005"
    package static let invalidNumber = "E006"
    package static let tooDeep = "E007"
    package static let unknownCommand = "E010"
    package static let unknownVariable = "E011"
    package static let unknownField = "E012"
    package static let unknownArgument = "E013"
    package static let badArgument = "E014"
    package static let typeMismatch = "E020"
    package static let runtime = "E021"
    package static let assertion = "E022"
    package static let api = "E030"
    package static let interrupted = "E040"
}
