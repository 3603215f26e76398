import AstBuiltins
import AstHost
import AstRuntime
import AstSyntax
import Foundation

/// Fuzzes the language in-process: each program is lexed, parsed, checked and evaluated with the pure
/// builtins (no API, no files, no sleeping). Inputs are mutated golden scripts, programs generated from a
/// small grammar, deep nestings and extreme literals (`ProgramFuzzer+Generate.swift`).
///
/// Findings: a crash kills the process, so every input is written to `OUT/current.ast` before it runs
/// (`scripts/fuzz` keeps it when the process dies); a program still running after `--deadline` seconds is a
/// hang, saved as `OUT/hang-N.ast` by a watchdog thread, which then exits 3. Exit 0 when nothing was found.
enum ProgramFuzzer {
    struct Options {
        var count = Int.max
        var seconds = Double.infinity
        var seed: UInt64 = 1
        var out = "fuzz-out"
        var deadline = 5.0
        var corpus = "Tests/AstCommandsTests/Golden"
        var replay: String?
    }

    /// Commands a fuzzed program may run: every builtin except those that touch files or wait.
    static let excluded: Set<String> = ["save", "open", "source", "sleep"]

    static func main(_ arguments: [String]) async -> Int32 {
        guard let options = parse(arguments) else {
            FileHandle.standardError.write(
                Data(
                    ("usage: ast-fuzz programs [--count N] [--seconds S] [--seed N] [--out DIR] [--deadline S] "
                        + "[--corpus DIR] [--replay FILE]\n").utf8))
            return 2
        }
        if let replay = options.replay {
            guard let data = FileManager.default.contents(atPath: replay) else { return 2 }
            let outcome = await run(String(decoding: data, as: UTF8.self))
            print("replayed \(replay): exit \(outcome.exitCode)")
            return 0
        }
        try? FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
        guard let current = CurrentInput(path: options.out + "/current.ast") else {
            FileHandle.standardError.write(Data("ast-fuzz: cannot write \(options.out)/current.ast\n".utf8))
            return 2
        }
        let corpus = loadCorpus(options.corpus)
        var generator = ProgramGenerator(seed: options.seed, corpus: corpus)
        let watchdog = Watchdog(deadline: options.deadline, current: current, out: options.out)
        watchdog.start()
        let start = Date()
        var counts: [Int32: Int] = [:]
        var done = 0
        while done < options.count {
            if done % 256 == 0, Date().timeIntervalSince(start) >= options.seconds { break }
            let program = generator.next()
            current.write(program.text)
            watchdog.begin(done)
            let outcome = await run(program.text)
            watchdog.end()
            counts[outcome.exitCode, default: 0] += 1
            done += 1
        }
        let elapsed = Date().timeIntervalSince(start)
        current.remove()
        let summary = counts.sorted { $0.key < $1.key }.map { "exit \($0.key): \($0.value)" }.joined(separator: ", ")
        print(
            String(
                format:
                    "ast-fuzz programs: %d programs in %.1f s (%.0f/s), seed %llu, corpus %d scripts, no crash or hang "
                        + "(%@)",
                done, elapsed, Double(done) / max(elapsed, 0.001), options.seed, corpus.count, summary))
        return 0
    }

    /// How long a program runs before it is interrupted, as Ctrl-C would: a program may legitimately run long
    /// (`1..10000000000000 | json`, a mutated range); what must not happen is that it ignores the interrupt.
    /// The watchdog's `--deadline` (from the program's start) catches one that does.
    static let interruptAfter: Duration = .seconds(1)

    /// Lexes, parses, checks and evaluates one program the way `ast` does; interrupts it after `interruptAfter`.
    static func run(_ text: String) async -> RunOutcome {
        let interpreter = Interpreter(
            registry: registry, output: DiscardOutput(),
            clock: { Date(timeIntervalSince1970: 1_790_000_000) })
        let source = SourceFile(name: "fuzz.ast", text: text)
        return await withTaskGroup(of: RunOutcome?.self) { group in
            group.addTask { await interpreter.run(source) }
            group.addTask {
                try? await Task.sleep(for: interruptAfter)
                return nil
            }
            var outcome: RunOutcome?
            for await result in group {
                if let result {
                    outcome = result
                    group.cancelAll()  // the timer, when the program ended first
                } else if outcome == nil {
                    group.cancelAll()  // the program: interrupted like Ctrl-C; its outcome comes next
                }
            }
            return outcome ?? .interrupted
        }
    }

    static let registry = Registry((Builtins.all + HostCommands.all).filter { !excluded.contains($0.signature.name) })

    static func loadCorpus(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var scripts: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".ast"), let data = FileManager.default.contents(atPath: root + "/" + path) else {
                continue
            }
            scripts.append(String(decoding: data, as: UTF8.self))
        }
        return scripts.sorted()
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var index = 0
        while index < arguments.count {
            guard index + 1 < arguments.count else { return nil }
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--count":
                guard let n = Int(value), n >= 0 else { return nil }
                options.count = n
            case "--seconds":
                guard let s = Double(value), s > 0 else { return nil }
                options.seconds = s
            case "--seed":
                guard let s = UInt64(value) else { return nil }
                options.seed = s
            case "--out": options.out = value
            case "--deadline":
                guard let s = Double(value), s > 0 else { return nil }
                options.deadline = s
            case "--corpus": options.corpus = value
            case "--replay": options.replay = value
            default: return nil
            }
            index += 2
        }
        return options
    }
}

/// Output that goes nowhere (fuzzed programs print a lot).
struct DiscardOutput: OutputSink {
    func write(_ text: String) {}
    func writeError(_ text: String) {}
}

/// `OUT/current.ast`, rewritten in place before each program so a crash leaves the input behind.
final class CurrentInput: @unchecked Sendable {
    let path: String
    let descriptor: Int32
    private let lock = NSLock()
    private var text = ""

    init?(path: String) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { return nil }
    }

    func write(_ program: String) {
        lock.withLock { text = program }
        var bytes = Array(program.utf8)
        let written = bytes.withUnsafeMutableBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(descriptor, off_t(max(written, 0)))
    }

    var contents: String { lock.withLock { text } }

    func remove() {
        close(descriptor)
        unlink(path)
    }
}

/// A thread that notices a program running past the deadline, saves it and ends the process (a hang may
/// be a loop that never yields, so it cannot be cancelled from inside).
final class Watchdog: @unchecked Sendable {
    let deadline: Double
    let current: CurrentInput
    let out: String
    private let lock = NSLock()
    private var running: (index: Int, since: Date)?

    init(deadline: Double, current: CurrentInput, out: String) {
        self.deadline = deadline
        self.current = current
        self.out = out
    }

    func begin(_ index: Int) { lock.withLock { running = (index, Date()) } }
    func end() { lock.withLock { running = nil } }

    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: min(0.1, deadline / 4))
                guard let (index, since) = lock.withLock({ running }), Date().timeIntervalSince(since) > deadline else {
                    continue
                }
                let path = "\(out)/hang-\(index).ast"
                try? current.contents.write(toFile: path, atomically: true, encoding: .utf8)
                FileHandle.standardError.write(
                    Data(
                        "ast-fuzz programs: HANG: program \(index) ran more than \(deadline) s; saved \(path)\n".utf8))
                exit(3)
            }
        }
        thread.start()
    }
}
