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

enum FileHandleWriter {
    static func stdout(_ text: String) { write(text, to: 1) }
    static func stderr(_ text: String) { write(text, to: 2) }

    /// Writes all bytes; a closed pipe (`ast … | head`) ends the output quietly instead of crashing.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
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
