import Foundation

/// Where printed text goes: the terminal, or a buffer in tests.
package protocol OutputSink: Sendable {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// Output to the process's stdout and stderr.
package struct StandardOutput: OutputSink {
    package init() {}
    package func write(_ text: String) {
        FileHandleWriter.stdout(text)
    }
    package func writeError(_ text: String) {
        FileHandleWriter.stderr(text)
    }
}

/// The last step before text reaches the process's stdout or stderr: hides secrets (the API key) in
/// whatever the language prints — `print`, results, `open --raw`, diagnostics, the REPL's output. The
/// executable installs the filter once at start-up (the language knows no key); without one, text passes as is.
package enum OutputFilter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: (@Sendable (String) -> String)?

    /// Sets the filter every write to stdout and stderr goes through (nil: none).
    package static func install(_ filter: (@Sendable (String) -> String)?) {
        lock.withLock { current = filter }
    }

    /// `text` as it may be shown.
    package static func apply(_ text: String) -> String {
        guard let filter = lock.withLock({ current }) else { return text }
        return filter(text)
    }
}

enum FileHandleWriter {
    static func stdout(_ text: String) { write(text, to: 1) }
    static func stderr(_ text: String) { write(text, to: 2) }

    /// Writes all bytes (secrets hidden by `OutputFilter`); a closed pipe (`ast … | head`) ends the output
    /// quietly instead of crashing.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(OutputFilter.apply(text).utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Collects output in memory (tests, the REPL's captured evaluation).
package final class BufferedOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    package init() {}

    package func write(_ text: String) { lock.withLock { out += text } }
    package func writeError(_ text: String) { lock.withLock { err += text } }

    package var stdout: String { lock.withLock { out } }
    package var stderr: String { lock.withLock { err } }
}
