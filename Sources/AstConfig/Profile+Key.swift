import Foundation

/// Where the API key came from, for `ast config` (never the key itself).
package struct ResolvedKey: Sendable {
    package var key: String
    /// e.g. `key-command "pass show asteroid/prod"`, `$ASTEROID_PROD_KEY`, `config.toml`.
    package var source: String
}

extension Profile {
    /// The profile's key: the output of `key-command` (run by `/bin/sh -c`, stdin and stderr left to the
    /// terminal so `pass` can ask for a passphrase; one trailing newline dropped), the variable `key-env`
    /// names, or `key`. Nil when the profile names no key source. The error never shows the key.
    package func resolveKey(environment: [String: String]) throws(UserConfig.Problem) -> ResolvedKey? {
        if let command = keyCommand {
            let output = try Self.run(command, environment: environment, profile: name)
            guard !output.isEmpty else { throw UserConfig.Problem("profile \(name): key-command printed nothing") }
            return ResolvedKey(key: output, source: "key-command \"\(command)\"")
        }
        if let variable = keyEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw UserConfig.Problem("profile \(name): key-env names $\(variable), which is not set")
            }
            return ResolvedKey(key: value, source: "$\(variable)")
        }
        if let key { return ResolvedKey(key: key, source: "key in the config file") }
        return nil
    }

    static func run(_ command: String, environment: [String: String], profile: String) throws(UserConfig.Problem)
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            throw UserConfig.Problem("profile \(profile): cannot run key-command: \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            throw UserConfig.Problem(
                "profile \(profile): key-command \"\(command)\" failed (exit \(process.terminationStatus))")
        }
        var text = String(decoding: data, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        return text
    }
}
