/// Which profile is in force, and who chose it.
package struct ActiveProfile: Sendable, Equatable {
    package var profile: Profile
    /// `--profile`, `AST_PROFILE` or `default-profile`.
    package var origin: String

    package var name: String { profile.name }
}

extension UserConfig {
    /// The profile named by `--profile` (`flag`), else `AST_PROFILE`, else the file's `default-profile`;
    /// nil when none is named. A name with no `[profiles.NAME]` (or no file) is an error.
    package static func select(
        _ config: UserConfig?, flag: String?, environment: [String: String], path: String
    ) throws(Problem) -> ActiveProfile? {
        let named: (String, String)?
        if let flag {
            named = (flag, "--profile")
        } else if let variable = environment["AST_PROFILE"], !variable.isEmpty {
            named = (variable, "AST_PROFILE")
        } else if let name = config?.defaultProfile {
            named = (name, "default-profile in \(path)")
        } else {
            named = nil
        }
        guard let (name, origin) = named else { return nil }
        guard let config else { throw Problem("no profile '\(name)' (from \(origin)): there is no \(path)") }
        guard let profile = config.profiles[name] else {
            let known = config.profiles.keys.sorted()
            throw Problem(
                "no profile '\(name)' (from \(origin)) in \(path)"
                    + (known.isEmpty ? "" : "; profiles: \(known.joined(separator: ", "))"))
        }
        return ActiveProfile(profile: profile, origin: origin)
    }
}
