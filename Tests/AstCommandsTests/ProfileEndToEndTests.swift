import AsteroidSandbox
import Foundation
import Testing

/// `ast` as a user runs it with `~/.config/ast`: a profile whose key comes from `key-command`, the startup
/// file before the prompt, and `confirm = "always"` — against a sandbox that accepts only the profile's key.
@Suite("Profiles end to end: config.toml, key-command, init.ast, confirm = always (real process)", .serialized)
struct ProfileEndToEndTests {
    static let key = "sk-profile-e2e-Q7vR2mZ9"

    /// A config directory with one profile `prod` pointing at `server`, and an init file whose line 3 fails.
    static func configHome(server: SandboxServer) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ast-e2e-\(UUID().uuidString)")
        let dir = home.appendingPathComponent("ast")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (key + "\n").write(to: home.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
        try """
        [profiles.prod]
        base-url = "\(server.baseURL.absoluteString)"
        key-command = "cat '\(home.path)/key.txt'"
        confirm = "always"
        """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try """
        def greet() { "hello from init" }
        let answer = 42
        open /nonexistent/ast-e2e.json
        """.write(to: dir.appendingPathComponent("init.ast"), atomically: true, encoding: .utf8)
        return home
    }

    static func environment(_ home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        // A wrong key in the environment: the profile's key-command must win over it.
        ["XDG_CONFIG_HOME": home.path, "HOME": home.path, "ASTEROID_API_KEY": "sk-wrong-key-00000000"]
            .merging(extra) { _, new in new }
    }

    static func count(_ home: URL) async throws -> String {
        let result = try await AstProcess.run(
            ["--profile", "prod", "-c", "list | count"], environment: environment(home))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("key-command's key reaches the API (the environment's wrong key does not); ast config redacts it")
    func keyCommand() async throws {
        let server = try await SandboxServer.start(.inMemory(seed: 3, executions: 40, apiKey: Self.key))
        defer { Task { await server.stop() } }
        let home = try Self.configHome(server: server)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try await Self.count(home) == "40")
        let viaVariable = try await AstProcess.run(
            ["-c", "list | count"], environment: Self.environment(home, ["AST_PROFILE": "prod"]))
        #expect(viaVariable.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "40")
        let withoutProfile = try await AstProcess.run(
            ["-c", "list | count"],
            environment: Self.environment(home, ["ASTEROID_BASE_URL": server.baseURL.absoluteString]))
        #expect(withoutProfile.status == 1)
        #expect(withoutProfile.stderr.contains("401"))
        // The key from key-command is a secret like $ASTEROID_API_KEY: output that holds it shows a mask.
        let leak = try await AstProcess.run(
            ["--profile", "prod", "-c", "open '\(home.path)/key.txt' --raw"], environment: Self.environment(home))
        #expect(leak.stdout.contains("<redacted>"))
        #expect(!leak.stdout.contains(Self.key))
        let config = try await AstProcess.run(["config", "--profile", "prod"], environment: Self.environment(home))
        #expect(config.status == 0)
        #expect(config.stdout.contains("<redacted> (\(Self.key.count) characters, from key-command"))
        #expect(!config.stdout.contains(Self.key))
        #expect(config.stdout.contains("always (asks before every change; only --yes=prod skips it)"))
    }

    @Test("confirm = always: a single change is refused without a terminal, even with --yes; --yes=prod runs it")
    func confirmAlways() async throws {
        let server = try await SandboxServer.start(.inMemory(seed: 3, executions: 40, apiKey: Self.key))
        defer { Task { await server.stop() } }
        let home = try Self.configHome(server: server)
        defer { try? FileManager.default.removeItem(at: home) }
        let change = "list status=failed | first | rerun | count"
        for flags in [["--profile", "prod"], ["--profile", "prod", "--yes"]] {
            let refused = try await AstProcess.run(flags + ["-c", change], environment: Self.environment(home))
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("profile prod asks before every change"))
            #expect(refused.stderr.contains("--yes=prod"))
        }
        #expect(try await Self.count(home) == "40")
        let wrongName = try await AstProcess.run(
            ["--profile", "prod", "--yes=staging", "-c", change], environment: Self.environment(home))
        #expect(wrongName.status == 2)
        #expect(wrongName.stderr.contains("--yes=staging names a profile that is not in use"))
        let named = try await AstProcess.run(
            ["--profile", "prod", "--yes=prod", "-c", change], environment: Self.environment(home))
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try await Self.count(home) == "41")
    }

    @Test(
        "init.ast runs before the prompt: its def and let stay, its error names file:line, the prompt goes on; -X skips it"
    )
    func startupFile() async throws {
        let server = try await SandboxServer.start(.inMemory(seed: 3, executions: 40, apiKey: Self.key))
        defer { Task { await server.stop() } }
        let home = try Self.configHome(server: server)
        defer { try? FileManager.default.removeItem(at: home) }
        let initPath = home.appendingPathComponent("ast/init.ast").path
        let entries = "greet\n$answer\nlist status=failed | first | rerun\n"
        let prompt = try await PromptProcess.run(
            ["--profile", "prod"], input: entries, environment: Self.environment(home))
        #expect(prompt.status == 0, "\(prompt.stderr)")
        #expect(prompt.stdout.contains("hello from init"))
        #expect(prompt.stdout.contains("42"))
        #expect(prompt.stderr.contains("\(initPath):3:"))
        #expect(prompt.stderr.contains("asks before every change"))
        #expect(try await Self.count(home) == "40")
        let skipped = try await PromptProcess.run(
            ["--profile", "prod", "-X"], input: "greet\n", environment: Self.environment(home))
        #expect(!skipped.stdout.contains("hello from init"))
        #expect(!skipped.stderr.contains(initPath))
        #expect(skipped.stderr.contains("greet"))
    }
}

/// `ast` with its stdin on a pseudo-terminal (so it starts the prompt, not a script on stdin) and its
/// stdout and stderr on pipes: the lines of `input` are typed, then Ctrl-D.
enum PromptProcess {
    struct PTYError: Error {}

    static func run(_ arguments: [String], input: String, environment: [String: String]) async throws
        -> AstProcess.Result
    {
        // posix_openpt/unlockpt/ptsname are not imported into Swift on Linux: the same through /dev/ptmx and
        // its two ioctls (TIOCSPTLCK unlocks the pair, TIOCGPTN gives the number of /dev/pts/N).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw PTYError() }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw PTYError()
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PTYError() }
        let process = Process()
        process.executableURL = AstProcess.executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]) { mine, _ in mine }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try process.run()
        close(slave)
        // Typed lines, then Ctrl-D at the start of a line (end of input for the prompt).
        let typed = Array((input + "\u{04}").utf8)
        _ = typed.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                // The terminal echoes what was typed to the master side: drain it so the echo never blocks.
                let drain = DispatchQueue(label: "pty-drain")
                drain.async {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    while read(master, &buffer, buffer.count) > 0 {}
                }
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                close(master)
                continuation.resume(
                    returning: AstProcess.Result(
                        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                        stderr: String(decoding: stderr, as: UTF8.self),
                        killedBySignal: process.terminationReason == .uncaughtSignal))
            }
        }
    }
}
