import Foundation
import Testing

/// One version, one home: `ast --version` and the `version` command read `AsteroidClientVersion.current`
/// (the `User-Agent` reads it too).
@Suite struct VersionTests {
    @Test func flagAndCommandPrintTheSameVersion() async throws {
        let flag = try await AstProcess.run(["--version"], environment: [:])
        let command = try await AstProcess.run(["-c", "version"], environment: [:])
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(command.status == 0, "\(command.stderr)")
        #expect(flag.stdout.hasPrefix("ast "))
        #expect(flag.stdout == command.stdout)
    }
}
