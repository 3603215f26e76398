import Foundation

/// The `ast` executable of this build, run as a child process (signals and the real output path need one).
struct AstProcess {
    /// `ast` beside the test bundle (same build configuration), else the checkout's `.build/debug/ast`.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let beside = bundle.appendingPathComponent("ast")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/ast")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ended by a signal rather than calling exit.
        var killedBySignal: Bool
    }

    let process = Process()
    let stdoutPipe = Pipe()
    let stderrPipe = Pipe()
    /// stderr as it arrives (read on a thread of its own), so a test can wait for an event line.
    private let stderrSoFar = PipeReader()

    /// Starts `ast ARGUMENTS` with exactly `environment` (plus PATH).
    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]) { mine, _ in mine }
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stderrSoFar.start(stderrPipe.fileHandleForReading)
    }

    /// Runs to the end and collects its output.
    static func run(_ arguments: [String], environment: [String: String]) async throws -> Result {
        try await AstProcess(arguments, environment: environment).finish()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    var isRunning: Bool { process.isRunning }

    /// Waits until stderr contains `text` `count` times (true), or `timeout` passes or the process ends first.
    func waitForStderr(_ text: String, count: Int = 1, timeout: Duration) async throws -> Bool {
        func seen() -> Bool { stderrSoFar.text.components(separatedBy: text).count - 1 >= count }
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end, !stderrSoFar.ended {
            if seen() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return seen()
    }

    /// Reads all output and waits for the exit, on a Dispatch worker: blocking a cooperative thread would
    /// starve the other tests' tasks (a 2-core machine has two), and a test that must signal in time with them.
    func finish() async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: finishNow()) }
        }
    }

    private func finishNow() -> Result {
        let out = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        let err = stderrSoFar.waitForEnd()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: err, killedBySignal: process.terminationReason == .uncaughtSignal)
    }
}

/// Reads a pipe to its end on a thread of its own, keeping what has arrived readable at any time.
final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var atEnd = false
    private let done = DispatchSemaphore(value: 0)

    func start(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            lock.withLock { atEnd = true }
            done.signal()
        }
        thread.start()
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    var ended: Bool { lock.withLock { atEnd } }

    /// Blocks until the pipe's end, then returns all it carried.
    func waitForEnd() -> String {
        done.wait()
        done.signal()
        return text
    }
}
