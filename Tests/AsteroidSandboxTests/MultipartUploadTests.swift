import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

/// Both upload routes (temp files, an execution's context files) read their body through `Multipart.parts(of:)`,
/// so they refuse a body that is not multipart, or is malformed, with the same plain-text 400.
@Suite("multipart uploads")
struct MultipartUploadTests {
    @Test("temp files and context files refuse a non-multipart or malformed body alike")
    func refusals() async throws {
        let harness = try await Harness.make(executions: 80)
        try await harness.test { client in
            let running = try #require(try await client.all().first { $0.status == .running })
            for path in ["/temp-files", "/executions/\(running.id)/context-files"] {
                let plain = try await client.call(.post, path, body: "{}")
                #expect(plain.status == .badRequest, "\(path)")
                #expect(
                    plain.text == "Invalid file upload request: expected multipart/form-data with a boundary.",
                    "\(path)")
                #expect(plain.headers[.contentType]?.hasPrefix("text/plain") == true, "\(path)")
                let broken = try await client.call(
                    .post, path, body: "--b\r\nno blank line before the body\r\n--b--\r\n",
                    headers: [.contentType: "multipart/form-data; boundary=b"])
                #expect(broken.status == .badRequest, "\(path)")
                #expect(broken.text == "Invalid file upload request: the multipart body is malformed.", "\(path)")
            }
        }
    }
}
