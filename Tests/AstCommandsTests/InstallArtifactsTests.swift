import AstCommands
import AsteroidClient
import Foundation
import Testing

/// What `scripts/install` writes comes from the binary: `ast --generate-man` and `ast completions SHELL`,
/// generated from the command registry (the declarations `help` prints) and the option table.
@Suite("Man page and completions come from the registry (real process)")
struct InstallArtifactsTests {
    static let environment = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent"]

    @Test("the man page lists every command with its usage, the status values, the files and the exit codes")
    func manPage() async throws {
        let result = try await AstProcess.run(["--generate-man"], environment: Self.environment)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(".TH AST 1"))
        for name in APICommands.registry.names {
            #expect(result.stdout.contains("\\fB\(name.replacingOccurrences(of: "-", with: "\\-"))"), "\(name)")
        }
        for status in ExecutionStatus.knownRawValues { #expect(result.stdout.contains(status)) }
        #expect(result.stdout.contains("config.toml"))
        #expect(result.stdout.contains("init.ast"))
        #expect(result.stdout.contains("143 terminated"))
    }

    @Test("each shell's completion offers every command, list's filters and the statuses; every --help option")
    func completions() async throws {
        let help = try await AstProcess.run(["--help"], environment: Self.environment).stdout
        let options = Set(
            help.split(whereSeparator: { " ,\n".contains($0) }).map(String.init).filter {
                $0.hasPrefix("--") && $0.count > 2 && !$0.contains("=") && $0.allSatisfy { $0.isLetter || $0 == "-" }
            })
        #expect(options.contains("--profile"))
        for shell in ["bash", "zsh", "fish"] {
            let result = try await AstProcess.run(["completions", shell], environment: Self.environment)
            #expect(result.status == 0)
            let words = Set(result.stdout.split(whereSeparator: { " '(\n\t\"".contains($0) }).map(String.init))
            for name in APICommands.registry.names { #expect(words.contains(name), "\(shell): \(name)") }
            for status in ExecutionStatus.knownRawValues {
                #expect(words.contains(status) || words.contains("status=" + status), "\(shell): \(status)")
            }
            #expect(words.contains("since=") || words.contains("since"), "\(shell)")
            for option in options {
                let long = String(option.dropFirst(2))
                #expect(
                    result.stdout.contains(option) || result.stdout.contains("-l \(long)"), "\(shell) lacks \(option)")
            }
        }
        let unknown = try await AstProcess.run(["completions", "tcsh"], environment: Self.environment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("usage: ast completions bash|zsh|fish"))
    }
}
