/// Decides which typed lines may enter the history (recalled with Up, written to the file).
///
/// Kept out: blank lines, lines starting with a space (the shell convention for "don't remember
/// this"), and any line that carries a secret: the configured API key's value, an `--api-key`
/// flag, an `Authorization` or `…Api-Key:` header, or an `ASTEROID_API_KEY=` assignment.
package struct HistoryPolicy: Sendable {
    /// Secret values to look for verbatim (the configured API key). Values shorter than
    /// `minimumSecretLength` are ignored: they would match ordinary text.
    package let secrets: [String]
    static let minimumSecretLength = 6

    /// Lower-cased markers that flag a line as carrying a credential.
    static let markers = [
        "api-key", "api_key", "apikey", "authorization", "bearer ", "x-api-key",
        "asteroid_api_key",
    ]

    package init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= Self.minimumSecretLength }
    }

    /// The policy for a process: the key from the environment and from `--api-key`, if any.
    package static func fromEnvironment(
        _ environment: [String: String], extraSecrets: [String] = []
    ) -> HistoryPolicy {
        var secrets = extraSecrets
        if let key = environment["ASTEROID_API_KEY"], !key.isEmpty { secrets.append(key) }
        return HistoryPolicy(secrets: secrets)
    }

    /// True when `line` may be kept in the history.
    package func admits(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if first == " " || first == "\t" { return false }
        if line.allSatisfy(\.isWhitespace) { return false }
        return !carriesSecret(line)
    }

    /// True when `line` contains a credential or a marker of one.
    package func carriesSecret(_ line: String) -> Bool {
        for secret in secrets where line.contains(secret) { return true }
        let lower = line.lowercased()
        return Self.markers.contains { lower.contains($0) }
    }
}
