import Foundation

/// Where the history file lives: `$XDG_STATE_HOME/ast/history`, by default
/// `~/.local/state/ast/history` (XDG base directory spec: history is state, not config or cache).
package enum HistoryLocation {
    package static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/ast/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/ast/history"
    }

    /// Creates the parent directory (0700) when missing. Returns false when it cannot.
    @discardableResult
    package static func prepareDirectory(for path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            return isDirectory.boolValue
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            return true
        } catch {
            return false
        }
    }
}
