import Foundation
import Testing

/// Tables show times in the zone `TZ` names, with the zone in the column's title (UTC when unset).
@Suite struct LocalTimeProcessTests {
    static let script = "[{id: \"a\", t: 2026-12-01T10:00:05Z}]"

    @Test func tablesHonourTZ() async throws {
        let paris = try await AstProcess.run(
            ["--sandbox", "--format", "table", "-c", Self.script], environment: ["TZ": "Europe/Paris"])
        #expect(paris.stdout == "id  t (+01:00)\na   2026-12-01 11:00:05\n", "\(paris.stderr)")
        let unset = try await AstProcess.run(["--sandbox", "--format", "table", "-c", Self.script], environment: [:])
        #expect(unset.stdout == "id  t (UTC)\na   2026-12-01 10:00:05\n", "\(unset.stderr)")
    }

    @Test func localAndTodayHonourTZ() async throws {
        let result = try await AstProcess.run(
            ["--sandbox", "-c", "2026-12-01T10:00:05Z | local; \"2026-12-01 10:00\" | into time | json -c"],
            environment: ["TZ": "America/New_York"])
        #expect(result.stdout == "2026-12-01 05:00:05 -05:00\n\"2026-12-01T15:00:00Z\"\n", "\(result.stderr)")
    }
}
