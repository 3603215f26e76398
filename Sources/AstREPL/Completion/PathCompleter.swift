import Foundation

/// File path completion for `open`, `save` and `source`: entries of the directory named so far,
/// directories with a trailing `/`, hidden files only when the name typed starts with `.`.
package struct PathCompleter: Sendable {
    /// Relative paths are resolved against this directory (the process's current one by default).
    package let baseDirectory: String?
    /// `~/` expands to this.
    package let home: String?

    package init(baseDirectory: String? = nil, home: String? = ProcessInfo.processInfo.environment["HOME"]) {
        self.baseDirectory = baseDirectory
        self.home = home
    }

    /// Completes `typed` (a path, without its opening quote). `start` in the answer is relative to
    /// `typed`. Inside quotes a unique file is closed with `closingQuote`.
    package func complete(_ typed: String, closingQuote: String?) -> Completion {
        let scalars = Array(typed.unicodeScalars)
        let slash = scalars.lastIndex(of: "/")
        let directoryPart = slash.map { String(String.UnicodeScalarView(scalars[...$0])) } ?? ""
        let namePart = slash.map { String(String.UnicodeScalarView(scalars[($0 + 1)...])) } ?? typed
        let start = slash.map { $0 + 1 } ?? 0
        guard let directory = resolve(directoryPart),
            let entries = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else {
            return Completion(start: start, partial: namePart, candidates: [])
        }
        let showHidden = namePart.hasPrefix(".")
        let fileSuffix = closingQuote.map { $0 + " " } ?? " "
        let candidates = entries.sorted().compactMap { name -> Completion.Candidate? in
            guard showHidden || !name.hasPrefix(".") else { return nil }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            return Completion.Candidate(name, suffix: isDirectory.boolValue ? "/" : fileSuffix)
        }
        return Completion(
            start: start, partial: namePart, candidates: CompletionEngine.filter(candidates, by: namePart))
    }

    func resolve(_ directoryPart: String) -> String? {
        var path = directoryPart
        if path.hasPrefix("~/") {
            guard let home else { return nil }
            path = home + path.dropFirst(1)
        }
        if path.isEmpty { path = "." }
        if !path.hasPrefix("/"), let baseDirectory {
            path = baseDirectory + "/" + path
        }
        return path
    }
}
