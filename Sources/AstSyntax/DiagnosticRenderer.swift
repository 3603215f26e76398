/// The one renderer for diagnostics:
///
///     FILE:LINE:COL: error: message
///        |
///     12 | list stauts=failed
///        |      ^^^^^^ label
///     help: did you mean 'status'?
package struct DiagnosticRenderer: Sendable {
    package var color: Bool

    package init(color: Bool = false) { self.color = color }

    package func render(_ diagnostic: Diagnostic) -> String {
        let severity = paint(diagnostic.severity.rawValue, code: "1;31")
        guard let source = diagnostic.source, let span = diagnostic.span else {
            var out = "\(severity): \(diagnostic.message)"
            if let help = diagnostic.help { out += "\n" + paint("help", code: "1;36") + ": " + help }
            return out
        }
        let (line, column) = source.location(of: span.start)
        var out = "\(source.name):\(line):\(column): \(severity): \(diagnostic.message)\n"
        let lineText = source.line(line)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += "\(pad) |\n"
        out += "\(gutter) | \(lineText)\n"
        let (endLine, endColumn) = source.location(of: span.end)
        let lineLength = lineText.count
        let underlineEnd = endLine == line ? endColumn : lineLength + 1
        let width = max(1, underlineEnd - column)
        var marker = String(repeating: " ", count: column - 1) + String(repeating: "^", count: width)
        if let label = diagnostic.label { marker += " " + label }
        out += "\(pad) | " + paint(marker, code: "1;31")
        if let help = diagnostic.help { out += "\n" + paint("help", code: "1;36") + ": " + help }
        return out
    }

    package func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    private func paint(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
