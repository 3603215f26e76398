import AstConfig
import Foundation
import Testing

@Suite("config.toml: profiles parsed by TOMLKit, checked, and selected")
struct UserConfigTests {
    static let sample = """
        default-profile = "staging"

        [profiles.prod]
        base-url = "https://odyssey.asteroid.ai/agents/v2"
        key-command = "pass show asteroid/prod"   # or key-env
        org = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
        confirm = "always"

        [profiles.staging]
        key-env = "ASTEROID_STAGING_KEY"
        format = "json"
        color = false
        """

    @Test("the issue's shape parses into profiles, with default-profile")
    func parses() throws {
        let config = try UserConfig.parse(Self.sample, path: "c.toml")
        #expect(config.defaultProfile == "staging")
        let prod = try #require(config.profiles["prod"])
        #expect(prod.baseURL == "https://odyssey.asteroid.ai/agents/v2")
        #expect(prod.keyCommand == "pass show asteroid/prod")
        #expect(prod.org == "3c90c3cc-0d44-4b50-8888-8dd25736052a")
        #expect(prod.confirm == .always)
        let staging = try #require(config.profiles["staging"])
        #expect(staging.keyEnv == "ASTEROID_STAGING_KEY")
        #expect(staging.format == "json")
        #expect(staging.color == false)
    }

    @Test("mistakes are errors that name the file and the key (a misspelt confirm must not pass)")
    func mistakes() {
        func problem(_ text: String, mode: Int = 0o600) -> String {
            do {
                _ = try UserConfig.parse(text, path: "c.toml", mode: mode)
                return ""
            } catch { return error.message }
        }
        #expect(problem("[profiles.p]\nconfrim = \"always\"").contains("profiles.p: unknown key 'confrim'"))
        #expect(problem("[profiles.p]\nconfirm = \"sometimes\"").contains("confirm must be one of bulk, always, never"))
        #expect(problem("[profiles.p]\ncolor = \"yes\"").contains("color must be true or false"))
        #expect(problem("[profiles.p]\nkey-env = \"A\"\nkey-command = \"b\"").contains("not several"))
        #expect(problem("default-profile = \"x\"").contains("default-profile names 'x'"))
        #expect(problem("a = 1").contains("unknown key 'a'"))
        // A TOML syntax error carries the line TOMLKit reports.
        #expect(problem("[profiles.p]\nbase-url = \"x\"\norg = = 3").hasPrefix("c.toml:3:"))
    }

    @Test("a key in the file only when no one else can read it")
    func keyNeedsPrivateFile() throws {
        let text = "[profiles.p]\nkey = \"sk-secret-value-123\""
        #expect(try UserConfig.parse(text, path: "c.toml", mode: 0o600).profiles["p"]?.key == "sk-secret-value-123")
        #expect(try UserConfig.parse(text, path: "c.toml", mode: 0o400).profiles["p"]?.key == "sk-secret-value-123")
        do {
            _ = try UserConfig.parse(text, path: "c.toml", mode: 0o644)
            Issue.record("a key in a 0644 file was accepted")
        } catch {
            #expect(error.message.contains("mode 644"))
            #expect(error.message.contains("chmod 600 c.toml"))
            #expect(!error.message.contains("sk-secret-value-123"))
        }
    }

    @Test("load reads the file's mode from disk; no file is nil")
    func loadFromDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ast-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        #expect(try UserConfig.load(path: path) == nil)
        try "[profiles.p]\nkey = \"sk-secret-value-123\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: UserConfig.Problem.self) { try UserConfig.load(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try UserConfig.load(path: path)?.profiles["p"]?.key == "sk-secret-value-123")
    }

    @Test("--profile wins over AST_PROFILE, which wins over default-profile; an unknown name lists the known ones")
    func selection() throws {
        let config = try UserConfig.parse(Self.sample, path: "c.toml")
        #expect(
            try UserConfig.select(config, flag: "prod", environment: ["AST_PROFILE": "staging"], path: "c.toml")?.name
                == "prod")
        let fromEnv = try UserConfig.select(config, flag: nil, environment: ["AST_PROFILE": "prod"], path: "c.toml")
        #expect(fromEnv?.name == "prod")
        #expect(fromEnv?.origin == "AST_PROFILE")
        #expect(try UserConfig.select(config, flag: nil, environment: [:], path: "c.toml")?.name == "staging")
        #expect(try UserConfig.select(nil, flag: nil, environment: [:], path: "c.toml") == nil)
        do {
            _ = try UserConfig.select(config, flag: "prdo", environment: [:], path: "c.toml")
            Issue.record("an unknown profile was accepted")
        } catch {
            #expect(error.message.contains("no profile 'prdo'"))
            #expect(error.message.contains("profiles: prod, staging"))
        }
        #expect(throws: UserConfig.Problem.self) {
            try UserConfig.select(nil, flag: "prod", environment: [:], path: "c.toml")
        }
    }

    @Test("key-command's output (one trailing newline dropped), key-env's variable; failures never show a key")
    func keys() throws {
        var profile = Profile(name: "p")
        profile.keyCommand = "printf 'sk-from-command-1\\n'"
        #expect(try profile.resolveKey(environment: ["PATH": "/usr/bin:/bin"])?.key == "sk-from-command-1")
        profile.keyCommand = "echo sk-partial; exit 3"
        do {
            _ = try profile.resolveKey(environment: ["PATH": "/usr/bin:/bin"])
            Issue.record("a failing key-command was accepted")
        } catch {
            #expect(error.message.contains("failed (exit 3)"))
        }
        profile.keyCommand = nil
        profile.keyEnv = "MY_KEY"
        #expect(try profile.resolveKey(environment: ["MY_KEY": "sk-from-env-1"])?.key == "sk-from-env-1")
        #expect(throws: UserConfig.Problem.self) { try profile.resolveKey(environment: [:]) }
        #expect(try Profile(name: "q").resolveKey(environment: ["MY_KEY": "x"]) == nil)
    }

    @Test("the directory: $XDG_CONFIG_HOME/ast, else ~/.config/ast")
    func location() {
        #expect(
            ConfigLocation.configFile(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ast/config.toml")
        #expect(ConfigLocation.initFile(environment: ["HOME": "/h"]) == "/h/.config/ast/init.ast")
        #expect(
            ConfigLocation.directory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h/"]) == "/h/.config/ast")
    }
}
