import Foundation
import Hummingbird

extension Multipart {
    /// The parts of an upload's `multipart/form-data` body (read up to 50 MiB), or the plain-text 400 both
    /// upload routes answer when the content type has no boundary or the body is malformed.
    static func parts(of request: Request) async throws -> [MultipartPart] {
        func fail(_ message: String) -> SandboxError { SandboxError(.badRequest, message, plainText: true) }
        guard let type = request.headers[.contentType], let boundary = boundary(contentType: type) else {
            throw fail("Invalid file upload request: expected multipart/form-data with a boundary.")
        }
        let buffer = try await request.body.collect(upTo: 50 << 20)
        guard let parts = parse(Data(buffer: buffer), boundary: boundary) else {
            throw fail("Invalid file upload request: the multipart body is malformed.")
        }
        return parts
    }
}
