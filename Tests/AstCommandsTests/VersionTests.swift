import Foundation
import Testing

/// One version, one home: `ast --version` and the `version` command read `AsteroidClientVersion.current`
/// (the `User-Agent` reads it too).
@Suite struct VersionTests {
    @Test func flagAndCommandPrintTheSameVersion() async throws {
        let flag = try await AstProcess.run(["--version"], environment: [:])
        // A script needs a key to start; `version` sends no request, so the address is never dialled.
        let environment = ["ASTEROID_API_KEY": "ast-version-test-key", "ASTEROID_BASE_URL": "http://127.0.0.1:9"]
        let command = try await AstProcess.run(["-c", "version"], environment: environment)
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(command.status == 0, "\(command.stderr)")
        #expect(flag.stdout.hasPrefix("ast "))
        #expect(flag.stdout == command.stdout)
    }
}
