import AstRuntime
import AsteroidClient

/// `version`: the version of ast — the one constant `ast --version` and the `User-Agent` also read
/// (`AsteroidClientVersion.current`).
struct VersionCommand: Command {
    let signature = Signature(
        "version", "the version of ast", category: "session",
        examples: [Example("version", "the version string", result: "\"ast \(AsteroidClientVersion.current)\"")])

    func run(_ call: Invocation) async throws -> Value { .string("ast \(AsteroidClientVersion.current)") }
}
