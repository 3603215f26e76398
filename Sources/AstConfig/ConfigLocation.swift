/// Where `ast` keeps its configuration: `$XDG_CONFIG_HOME/ast`, else `~/.config/ast`.
package enum ConfigLocation {
    package static func directory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/ast" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.config/ast"
    }

    /// `…/ast/config.toml`: the profiles.
    package static func configFile(environment: [String: String]) -> String {
        directory(environment: environment) + "/config.toml"
    }

    /// `…/ast/init.ast`: run before the interactive prompt (skipped with `-X` / `--no-init`).
    package static func initFile(environment: [String: String]) -> String {
        directory(environment: environment) + "/init.ast"
    }
}
