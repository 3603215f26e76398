import AstCommands
import AstRuntime
import AstSyntax
import Foundation

/// The startup file (`$XDG_CONFIG_HOME/ast/init.ast`, like `.psqlrc`): run in the prompt's session before
/// the first prompt, so its `def`s, `let`s and `set`s stay. Its errors are reported with file and line
/// (`init.ast:3:1: …`) and do not stop the prompt; statements before the error have run.
package enum StartupFile {
    /// Runs the file at `path` if there is one; returns what went wrong, rendered (nil when all ran).
    @discardableResult
    package static func run(
        path: String, session: Session,
        report: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) async -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            report("ast: cannot read the startup file \(path) (skipped)")
            return "unreadable"
        }
        let source = SourceFile(name: path, text: String(decoding: data, as: UTF8.self))
        let renderer = DiagnosticRenderer(color: session.interpreter.settings.color)
        let problem: String?
        switch await session.run(source) {
        case .success: problem = nil
        case .invalid(let diagnostics, _): problem = renderer.render(diagnostics)
        case .failed(let diagnostic): problem = renderer.render(diagnostic)
        case .exited: problem = "\(path): exit in the startup file is ignored"
        case .interrupted: problem = "\(path): interrupted"
        }
        if let problem {
            report(problem + "\nast: the startup file \(path) stopped there; the prompt starts anyway (-X skips it)")
        }
        return problem
    }
}
