import Foundation
import Testing

/// `ast sandbox` as a real process (the binary the build made), for what only a process shows: signals,
/// exit codes, where the key comes from.
struct SandboxProcess {
    let process: Process
    let base: String

    /// The package root, from this file's path (Tests/AsteroidSandboxTests/ProcessHarness.swift).
    static var binary: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent(".build/debug/ast")
    }

    /// Runs `ast sandbox ARGUMENTS` to completion (for options it refuses): exit code and stderr.
    static func refused(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox", "--port", "0", "--db", ":memory:", "--executions", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Starts `ast sandbox --port 0 --db :memory: ARGUMENTS` and waits for its URL.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> SandboxProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sandbox", "--port", "0", "--db", ":memory:"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let url = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://") }
        guard let url else {
            process.terminate()
            throw SandboxProcessError(output: text)
        }
        return SandboxProcess(process: process, base: String(url))
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

struct SandboxProcessError: Error, CustomStringConvertible {
    var output: String
    var description: String { "ast sandbox did not print its URL: \(output)" }
}
