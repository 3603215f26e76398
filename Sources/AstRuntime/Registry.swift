import AstSyntax

/// The table of commands, by name. Built once from the lists each module exports.
package struct Registry: Sendable {
    package private(set) var commands: [String: any Command] = [:]

    package init(_ commands: [any Command]) {
        for command in commands { self.commands[command.signature.name] = command }
    }

    package func merging(_ more: [any Command]) -> Registry {
        var copy = self
        for command in more { copy.commands[command.signature.name] = command }
        return copy
    }

    package func lookup(_ name: String) -> (any Command)? { commands[name] }

    package var names: [String] { commands.keys.sorted() }

    /// How the parser must treat these commands' arguments.
    package var parserOptions: ParserOptions {
        var options = ParserOptions(expressionCommands: [], stageCommands: [])
        for (name, command) in commands {
            switch command.signature.style {
            case .expression: options.expressionCommands.insert(name)
            case .stage: options.stageCommands.insert(name)
            case .normal: break
            }
        }
        return options
    }
}

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

import Foundation

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
