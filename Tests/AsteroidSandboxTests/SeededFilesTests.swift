import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

/// Seeded files are generated from the execution on every read, so the same seed must give the same files
/// (ids, names, sizes, times, bytes) on every start and in every version that keeps the seed data: a pinned
/// checksum over 600 seeded executions' files (each one's JSON and the first file's content) holds that.
@Suite("seeded files")
struct SeededFilesTests {
    static func checksum(_ seed: UInt64) throws -> (files: Int, crc: UInt32) {
        let encoder = AsteroidJSON.makeEncoder()
        var all = Data()
        var count = 0
        for state in SeedDataShapeTests.generate(600, seed: seed) {
            let files = SeededFiles.files(for: state.execution)
            count += files.count
            all.append(try encoder.encode(files))
            if let first = files.first { all.append(SeededFiles.content(of: first)) }
        }
        return (count, CRC32C.checksum(all))
    }

    @Test("the same seed gives the same files as before (pinned)")
    func pinned() throws {
        let (files, crc) = try Self.checksum(3)
        #expect(files == 1_697)
        #expect(crc == 4_288_770_045)
    }

    @Test("each catalog agent has its own files, by workflow name; an execution not yet started has none")
    func perAgent() {
        let executions = SeedDataShapeTests.generate(600).map(\.execution)
        let started = Dictionary(grouping: executions.filter { $0.startedAt != nil }) {
            $0.workflowName ?? $0.agentName
        }
        #expect(started.count == 6)
        for (agent, runs) in started {
            let names = Set(runs.flatMap { SeededFiles.files(for: $0).map(\.fileName) })
            #expect(names.contains("screenshot-final.png"), "\(agent)")
            #expect(names.contains("tracking-status.json") == (agent == "Shipment Tracker"), "\(agent): \(names)")
        }
        let waiting = executions.filter { $0.startedAt == nil }
        #expect(!waiting.isEmpty)
        #expect(waiting.allSatisfy { SeededFiles.files(for: $0).isEmpty })
    }
}
