import AsteroidModels
import AsteroidSandbox
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fuzzes the sandbox in-process: malformed paths, methods, query values, headers and bodies, driven
/// through the sandbox's router (HummingbirdTesting's `.router` mode, no sockets). A run fails on a crash,
/// a hang (a request past `deadline`), a 5xx that no `X-Sandbox-Fault` asked for, a response that breaks
/// off without a reset being asked for, or an error whose body is not the API's JSON `{code, message}`
/// (text/plain only where the API documents it). Each failing input is saved under `--out`; a crash saves
/// the requests in flight. Request N of a run depends only on `--seed` and N.
///
///   ast-fuzz requests [--count N] [--seconds S] [--seed N] [--out DIR]
enum RequestFuzzer {
    static let key = "fuzz-key"
    static let workers = 8
    static let deadline: Duration = .seconds(10)

    struct Options {
        var count: UInt64?
        var seconds: Double?
        var seed: UInt64 = 1
        var out = ".build/fuzz/requests"

        init(_ arguments: [String]) throws {
            var rest = arguments[...]
            while let flag = rest.popFirst() {
                guard let value = rest.popFirst() else { throw UsageError(text: "\(flag) needs a value") }
                switch flag {
                case "--count": count = try number(flag, value)
                case "--seconds":
                    guard let s = Double(value), s.isFinite, s > 0 else {
                        throw UsageError(text: "--seconds wants a positive number")
                    }
                    seconds = s
                case "--seed": seed = try number(flag, value)
                case "--out": out = value
                default: throw UsageError(text: "unknown option \(flag)")
                }
            }
            if count == nil, seconds == nil { count = 100_000 }
        }

        func number(_ flag: String, _ value: String) throws -> UInt64 {
            guard let n = UInt64(value) else { throw UsageError(text: "\(flag) wants a whole number, got \(value)") }
            return n
        }
    }

    struct UsageError: Error { var text: String }

    static func main(_ arguments: [String]) async -> Int32 {
        let options: Options
        do { options = try Options(arguments) } catch {
            FileHandle.standardError.write(
                Data("ast-fuzz requests: \((error as? UsageError)?.text ?? "\(error)")\n".utf8))
            return 2
        }
        do {
            return try await run(options)
        } catch {
            FileHandle.standardError.write(Data("ast-fuzz requests: \(error)\n".utf8))
            return 1
        }
    }

    static func run(_ options: Options) async throws -> Int32 {
        try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
        let clock = ManualClock()
        var config = SandboxConfig.inMemory(seed: options.seed, executions: 200, speed: 1, apiKey: key, clock: clock)
        // Long-polls and injected latencies end after 20 ms: a 25 s wait would hide a hang and slow the run.
        config.waitLimit = .milliseconds(20)
        let services = try await SandboxServices(config)
        let app = buildApplication(services: services)
        let slots = CrashSlots(count: workers, directory: options.out)
        CrashSlots.install(slots)
        let tally = Tally()
        let start = ContinuousClock.now
        try await app.test(.router) { client in
            let generator = try await makeGenerator(client, seed: options.seed)
            let watchdog = Task { await watch(slots, tally, options) }
            defer { watchdog.cancel() }
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        await work(worker, client, generator, slots, tally, options, start) {
                            clock.advance(by: 2)
                            _ = try? await services.runDueWork()
                        }
                    }
                }
            }
        }
        let seconds =
            Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) / 1e18
        let summary = tally.summary(seconds: seconds, seed: options.seed, out: options.out)
        print(summary.text)
        return summary.failed ? 1 : 0
    }

    /// Real ids from the seeded sandbox, so most requests reach their handlers.
    static func makeGenerator(_ client: some TestClientProtocol, seed: UInt64) async throws -> RequestGenerator {
        var headers = HTTPFields()
        if let name = HTTPField.Name("X-Api-Key") { headers[name] = key }
        let decoder = AsteroidJSON.makeDecoder()
        let agents = try decoder.decode(
            Page<Agent>.self,
            from: Data(
                try await client.execute(
                    uri: "/agents/v2/agents?pageSize=100", method: .get, headers: headers, body: nil
                ).body.readableBytesView))
        let executions = try decoder.decode(
            Page<Execution>.self,
            from: Data(
                try await client.execute(
                    uri: "/agents/v2/executions?pageSize=100", method: .get, headers: headers, body: nil
                ).body.readableBytesView))
        return RequestGenerator(
            seed: seed, key: key, executionIds: executions.items.map(\.id), agentIds: agents.items.map(\.id),
            organizationIds: Array(Set(agents.items.compactMap(\.organizationId))).sorted())
    }

    static func work(
        _ worker: Int, _ client: some TestClientProtocol, _ generator: RequestGenerator, _ slots: CrashSlots,
        _ tally: Tally,
        _ options: Options, _ start: ContinuousClock.Instant, tick: () async -> Void
    ) async {
        while let index = tally.claim(limit: options.count) {
            if let seconds = options.seconds, ContinuousClock.now - start > .seconds(seconds) { return }
            if worker == 0, index % 500 == 0 { await tick() }
            let request = generator.request(index)
            slots.store(worker, index: index, request.rendered)
            let outcome: String?
            let began = ContinuousClock.now
            defer { tally.timed(ContinuousClock.now - began, request) }
            do {
                let response = try await client.execute(
                    uri: request.uri, method: request.method, headers: request.headers,
                    body: request.body.map { ByteBuffer(bytes: $0) })
                tally.count(Int(response.status.code))
                outcome = problem(request, response)
            } catch {
                tally.count(request.askedReset ? -1 : -2)
                outcome = request.askedReset ? nil : "the response broke off (no reset was asked for): \(error)"
            }
            slots.clear(worker)
            if let outcome { tally.fail(index, outcome, request, directory: options.out) }
        }
    }

    /// What is wrong with `response`, or nil.
    static func problem(_ request: FuzzRequest, _ response: TestResponse) -> String? {
        let code = Int(response.status.code)
        if code >= 500, !request.askedServerError { return "\(code) that no fault asked for" }
        if request.method == .head { return response.body.readableBytes == 0 ? nil : "HEAD answered with a body" }
        guard code >= 400 else { return nil }
        let data = Data(response.body.readableBytesView)
        if response.headers[.contentType]?.hasPrefix("text/plain") == true, plainTextErrors(request), !data.isEmpty {
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return "\(code) with a body that is not a JSON object: \(String(decoding: data.prefix(200), as: UTF8.self))"
        }
        guard (object["code"] as? Int) == code, object["message"] is String else {
            return
                "\(code) whose JSON lacks code \(code) and a "
                    + "message: \(String(decoding: data.prefix(200), as: UTF8.self))"
        }
        return nil
    }

    /// List agents (`/agents`, `/workflows`) and temp-file staging answer their errors as text, like the API.
    static func plainTextErrors(_ request: FuzzRequest) -> Bool {
        let raw = request.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        // The router ignores empty segments (`//agents//v2//agents/` is `/agents/v2/agents`).
        let path = "/" + raw.split(separator: "/").joined(separator: "/")
        if request.method == .get, path == "/agents/v2/agents" || path == "/agents/v2/workflows" { return true }
        return request.method == .post && path.hasPrefix("/agents/v2/temp-files")
    }

    /// Every half second: a request in flight for longer than `deadline` is a hang; its input is saved and
    /// the run ends (a stuck request cannot be taken back).
    static func watch(_ slots: CrashSlots, _ tally: Tally, _ options: Options) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            for (worker, since) in slots.inFlight() where ContinuousClock.now - since > deadline {
                let path = slots.save(worker, name: "hang")
                FileHandle.standardError.write(
                    Data("ast-fuzz requests: a request hung for more than \(deadline); saved to \(path)\n".utf8))
                print(tally.summary(seconds: 0, seed: options.seed, out: options.out).text)
                exit(1)
            }
        }
    }
}

/// Counts and failures, shared by the workers.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var next: UInt64 = 0
    private var statuses: [Int: Int] = [:]
    private var failures = 0
    private var saved: [String] = []

    /// The next request index, or nil once `limit` are claimed.
    func claim(limit: UInt64?) -> UInt64? {
        lock.withLock {
            if let limit, next >= limit { return nil }
            next += 1
            return next - 1
        }
    }

    private var slowest: [(Duration, String)] = []

    /// Keeps the five slowest requests (method, path, body size) for the summary.
    func timed(_ duration: Duration, _ request: FuzzRequest) {
        lock.withLock {
            guard slowest.count < 5 || duration > slowest[slowest.count - 1].0 else { return }
            let line = "\(request.method) \(request.uri.prefix(100)) body \(request.body?.count ?? 0) B"
            slowest.append((duration, line))
            slowest.sort { $0.0 > $1.0 }
            if slowest.count > 5 { slowest.removeLast() }
        }
    }

    /// -1: an asked-for reset; -2: an unasked-for broken response.
    func count(_ status: Int) { lock.withLock { statuses[status, default: 0] += 1 } }

    func fail(_ index: UInt64, _ reason: String, _ request: FuzzRequest, directory: String) {
        let keep = lock.withLock {
            failures += 1
            return failures <= 50
        }
        guard keep else { return }
        let path = "\(directory)/fail-\(index).txt"
        let text = Array("# \(reason)\n".utf8) + request.rendered
        FileManager.default.createFile(atPath: path, contents: Data(text))
        lock.withLock { saved.append(path) }
        FileHandle.standardError.write(
            Data("ast-fuzz requests: request \(index): \(reason.prefix(300)) (saved to \(path))\n".utf8))
    }

    func summary(seconds: Double, seed: UInt64, out: String) -> (text: String, failed: Bool) {
        lock.withLock {
            let total = statuses.values.reduce(0, +)
            let rate = seconds > 0 ? Int(Double(total) / seconds) : 0
            let counts = statuses.sorted { $0.key < $1.key }.map { key, value in
                "\(key == -1 ? "reset" : key == -2 ? "broken" : String(key)): \(value)"
            }
            let text = """
                ast-fuzz requests: \(total) requests in \(String(format: "%.1f", seconds)) s \
                (\(rate)/s), seed \(seed), \
                \(failures) failures\(failures > 0 ? " (inputs under \(out))" : "")
                  statuses: \(counts.joined(separator: ", "))
                  slowest: \(slowest.map { "\($0.0) \($0.1)" }.joined(separator: "\n           "))
                """
            return (text, failures > 0)
        }
    }
}

/// The request each worker has in flight, kept in plain memory a crash handler can write out with
/// async-signal-safe calls (open, write, close), and read by the hang watchdog.
final class CrashSlots: @unchecked Sendable {
    static let capacity = 1 << 16
    let count: Int
    let directory: String
    private let bytes: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    private let paths: [UnsafeMutablePointer<CChar>]
    private let lock = NSLock()
    private var started: [Int: (index: UInt64, at: ContinuousClock.Instant)] = [:]

    init(count: Int, directory: String) {
        self.count = count
        self.directory = directory
        bytes = .allocate(capacity: count * Self.capacity)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        paths = (0..<count).map { strdup("\(directory)/crash-worker\($0).txt") ?? strdup("crash.txt") }
    }

    func store(_ slot: Int, index: UInt64, _ request: [UInt8]) {
        let n = min(request.count, Self.capacity)
        request.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (bytes + slot * Self.capacity).update(from: base, count: n) }
        }
        lengths[slot] = n
        lock.withLock { started[slot] = (index, .now) }
    }

    func clear(_ slot: Int) {
        lengths[slot] = 0
        lock.withLock { started[slot] = nil }
    }

    func inFlight() -> [(Int, ContinuousClock.Instant)] {
        lock.withLock { started.map { ($0.key, $0.value.at) } }
    }

    /// Writes slot `slot` to `name-INDEX.txt` (from the watchdog, not a signal handler).
    func save(_ slot: Int, name: String) -> String {
        let index = lock.withLock { started[slot]?.index ?? 0 }
        let path = "\(directory)/\(name)-\(index).txt"
        FileManager.default.createFile(
            atPath: path, contents: Data(bytes: bytes + slot * Self.capacity, count: lengths[slot]))
        return path
    }

    /// Async-signal-safe: writes every slot in flight to its crash file.
    func dump() {
        for slot in 0..<count where lengths[slot] > 0 {
            let fd = open(paths[slot], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 {
                _ = write(fd, bytes + slot * Self.capacity, lengths[slot])
                close(fd)
            }
        }
    }

    nonisolated(unsafe) static var installed: CrashSlots?
    nonisolated(unsafe) static var message: UnsafeMutablePointer<CChar>?

    /// Saves the requests in flight on a crash (a trap, an abort, a bad access), then dies of the signal.
    static func install(_ slots: CrashSlots) {
        installed = slots
        message = strdup(
            "ast-fuzz requests: crashed; the requests in flight are in \(slots.directory)/crash-worker*.txt\n")
        for number in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            signal(number) { received in
                CrashSlots.installed?.dump()
                if let text = CrashSlots.message { _ = write(2, text, strlen(text)) }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
