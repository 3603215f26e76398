import AstBuiltins
import AstHost
import AstRuntime
import AstSyntax
import Foundation

/// Runs source text on a fresh interpreter with the builtins; returns output and exit code.
struct Harness {
    static func run(_ text: String, file: String = "test.ast") async -> (out: String, err: String, code: Int32) {
        let output = BufferedOutput()
        let interpreter = Interpreter(registry: Builtins.registry.merging(HostCommands.all), output: output)
        let outcome = await interpreter.run(SourceFile(name: file, text: text))
        var err = output.stderr
        switch outcome {
        case .invalid(let diagnostics, _): err += DiagnosticRenderer().render(diagnostics) + "\n"
        case .failed(let diagnostic): err += DiagnosticRenderer().render(diagnostic) + "\n"
        default: break
        }
        return (output.stdout, err, outcome.exitCode)
    }
}
