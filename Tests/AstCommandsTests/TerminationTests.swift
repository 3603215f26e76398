import Foundation
import Testing

@Suite("SIGTERM ends ast like Ctrl-C: work cancelled, summary printed, exit 143, nothing sent after", .serialized)
struct TerminationTests {
    @Test("a bulk pipeline in a real process, against a server that notes when requests arrive")
    func bulkPipeline() async throws {
        let server = try RecordingServer()
        defer { server.stop() }
        // Long enough (≥ 50 s) that a test starved of CPU by the rest of the suite still signals a running
        // pipeline: with 400 items it sometimes finished first under a full parallel `swift test`.
        let items = (1...5000).map(String.init).joined(separator: ", ")
        let script = "[\(items)] | each -p 2 { sleep 20ms; get \(RecordingServer.executionId) | .status } | count"
        let process = try AstProcess(
            ["-c", script],
            environment: ["ASTEROID_API_KEY": "sk-test-termination", "ASTEROID_BASE_URL": server.baseURL])
        // Wait until the pipeline is well under way (requests arriving), then stop it.
        let deadline = ContinuousClock.now + .seconds(20)
        while server.arrivalTimes.count < 10, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.arrivalTimes.count >= 10)
        #expect(process.isRunning, "the pipeline ended before the test could stop it")
        let signalled = ContinuousClock.now
        process.signal(SIGTERM)
        let result = await process.finish()
        let ended = ContinuousClock.now
        #expect(!result.killedBySignal)
        #expect(result.status == 143)
        #expect(result.stderr.contains("interrupted: each completed"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Ctrl-C ends within milliseconds; SIGTERM takes the same path (the bound allows for a loaded machine).
        #expect(ended - signalled < .seconds(5))
        // A request written as the signal was on its way may land a moment after it (the grace allows for
        // scheduling delays on a loaded machine); a pipeline that went on would send ~100 a second.
        let late = server.arrivalTimes.filter { $0 > signalled + .milliseconds(100) }
        #expect(late.isEmpty, "\(late.count) requests arrived after SIGTERM")
    }

    @Test("SIGINT still exits 130 with the same summary")
    func interruptStill130() async throws {
        let server = try RecordingServer()
        defer { server.stop() }
        let items = (1...200).map(String.init).joined(separator: ", ")  // ≥ 50 s: see bulkPipeline
        let script = "[\(items)] | each -p 2 { get \(RecordingServer.executionId); sleep 500ms; $it } | count"
        let process = try AstProcess(
            ["-c", script], environment: ["ASTEROID_API_KEY": "sk-test-interrupt", "ASTEROID_BASE_URL": server.baseURL])
        let deadline = ContinuousClock.now + .seconds(20)
        while server.arrivalTimes.count < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(process.isRunning, "the pipeline ended before the test could interrupt it")
        process.signal(SIGINT)
        let result = await process.finish()
        #expect(result.status == 130)
        #expect(result.stderr.contains("interrupted: each completed"), "\(result.stderr)")
    }
}
