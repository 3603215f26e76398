import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/ast/config.toml`, parsed (by TOMLKit) and checked:
///
///     default-profile = "staging"          # optional: used when neither --profile nor AST_PROFILE names one
///     [profiles.prod]
///     base-url = "https://odyssey.asteroid.ai/agents/v2"
///     key-command = "pass show asteroid/prod"   # or key-env = "ASTEROID_PROD_KEY"
///     org = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
///     confirm = "always"
///
/// Unknown keys are errors (a misspelt `confirm` must not silently leave production unguarded).
package struct UserConfig: Sendable, Equatable {
    package var path: String
    package var profiles: [String: Profile] = [:]
    package var defaultProfile: String?

    package init(path: String) { self.path = path }

    /// A problem in the file, with its line when the parser knows it: `config.toml:3: …`.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        package var message: String
        package init(_ message: String) { self.message = message }
        package var description: String { message }
    }

    /// Reads the file at `path`; nil when there is none. `mode` is the file's permission bits (a key in the
    /// file is refused unless no one but the owner can read it).
    package static func load(path: String) throws(Problem) -> UserConfig? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem("\(path): cannot read the file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        return try parse(String(decoding: data, as: UTF8.self), path: path, mode: mode)
    }

    /// Parses the text of a config file (`mode`: the file's permission bits).
    package static func parse(_ text: String, path: String, mode: Int = 0o600) throws(Problem) -> UserConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem("\(path):\(error.source.begin.line): \(error.description)")
        } catch {
            throw Problem("\(path): \(error)")
        }
        var config = UserConfig(path: path)
        for key in table.keys {
            switch key {
            case "default-profile":
                guard let name = table[key]?.string else { throw Problem("\(path): default-profile must be a string") }
                config.defaultProfile = name
            case "profiles":
                guard let profiles = table[key]?.table else {
                    throw Problem("\(path): profiles must be a table ([profiles.NAME])")
                }
                for name in profiles.keys {
                    guard let body = profiles[name]?.table else {
                        throw Problem("\(path): profiles.\(name) must be a table ([profiles.\(name)])")
                    }
                    config.profiles[name] = try profile(name, body, path: path, mode: mode)
                }
            default:
                throw Problem("\(path): unknown key '\(key)' (expected default-profile or [profiles.NAME])")
            }
        }
        if let name = config.defaultProfile, config.profiles[name] == nil {
            throw Problem("\(path): default-profile names '\(name)', which has no [profiles.\(name)]")
        }
        return config
    }

    static func profile(_ name: String, _ body: TOMLTable, path: String, mode: Int) throws(Problem) -> Profile {
        var profile = Profile(name: name)
        let at = "\(path): profiles.\(name)"
        func string(_ key: String) throws(Problem) -> String {
            guard let value = body[key]?.string else { throw Problem("\(at).\(key) must be a string") }
            guard !value.isEmpty else { throw Problem("\(at).\(key) is empty") }
            return value
        }
        for key in body.keys {
            switch key {
            case "base-url": profile.baseURL = try string(key)
            case "key-command": profile.keyCommand = try string(key)
            case "key-env": profile.keyEnv = try string(key)
            case "key":
                guard mode & 0o077 == 0 else {
                    throw Problem(
                        "\(at).key: the file holds a key but others may read it "
                            + "(mode \(String(mode & 0o777, radix: 8))):"
                            + " run chmod 600 \(path), or use key-command or key-env")
                }
                profile.key = try string(key)
            case "org": profile.org = try string(key)
            case "format": profile.format = try string(key)
            case "confirm":
                let value = try string(key)
                guard let confirm = Profile.Confirm(rawValue: value) else {
                    throw Problem(
                        "\(at).confirm must be one "
                            + "of \(Profile.Confirm.allCases.map(\.rawValue).joined(separator: ", ")), got '\(value)'"
                    )
                }
                profile.confirm = confirm
            case "color":
                guard let value = body[key]?.bool else { throw Problem("\(at).color must be true or false") }
                profile.color = value
            default:
                throw Problem("\(at): unknown key '\(key)' (known: \(Profile.keys.joined(separator: ", ")))")
            }
        }
        if profile.keySources.count > 1 {
            throw Problem("\(at): give one of \(profile.keySources.joined(separator: ", ")), not several")
        }
        return profile
    }
}
