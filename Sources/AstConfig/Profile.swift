/// One named profile of `config.toml` (`[profiles.NAME]`): where the API is, where its key comes from, and
/// the session's defaults. Every field is optional; an absent one leaves the environment's or the default.
package struct Profile: Sendable, Equatable {
    /// When to ask before a change.
    package enum Confirm: String, Sendable, CaseIterable {
        /// Before a change of more than one execution, unless `--yes` (the default).
        case bulk
        /// Before every change, even a single one, even with `--yes`: only `--yes=NAME` skips it.
        case always
        /// Never (like `--yes`).
        case never
    }

    package var name: String
    package var baseURL: String?
    /// A shell command whose standard output is the key (`pass show asteroid/prod`).
    package var keyCommand: String?
    /// The environment variable that holds the key (`ASTEROID_PROD_KEY`).
    package var keyEnv: String?
    /// The key itself: accepted only from a file no one else can read (mode 0600 or 0400).
    package var key: String?
    package var org: String?
    package var confirm: Confirm?
    /// An output format name (`table`, `json`…), checked by the executable against its formats.
    package var format: String?
    package var color: Bool?

    package init(name: String) { self.name = name }

    /// The keys a profile may have, as written in the file.
    package static let keys = ["base-url", "key-command", "key-env", "key", "org", "confirm", "format", "color"]

    /// Which of key-command, key-env and key the profile sets (at most one is allowed).
    var keySources: [String] {
        [("key-command", keyCommand), ("key-env", keyEnv), ("key", key)].compactMap { $0.1 == nil ? nil : $0.0 }
    }
}
