import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird

/// The sandbox's stand-in for cloud storage: the signed URLs that `…/files/{fileId}/download` redirects to.
/// Outside `/agents/v2` and without the API key (the signature is the credential, as with a real signed
/// URL); answers the bytes with `Content-Type`, `Content-Length` and `x-goog-hash: crc32c=…` like GCS.
struct StorageRoutes {
    let services: SandboxServices

    static let prefix = "/sandbox-storage/files"

    static func signature(_ executionId: String, _ fileId: String, expires: Int) -> String {
        String(String((executionId + "/" + fileId).hashValueStable ^ UInt64(expires), radix: 16).prefix(16))
    }

    static func signedPath(_ file: AgentFile, expires: Int) -> String {
        "\(prefix)/\(file.executionId)/\(file.id)?X-Sandbox-Expires=\(expires)"
            + "&X-Sandbox-Signature=\(signature(file.executionId, file.id, expires: expires))"
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(String(Self.prefix.dropFirst()) + "/:executionId/:fileId")) { request, context in
            try await serve(request, context)
        }
    }

    func serve(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let executionId = (context.parameters.get("executionId") ?? "").lowercased()
        let fileId = (context.parameters.get("fileId") ?? "").lowercased()
        guard let expires = request.query("X-Sandbox-Expires").flatMap({ Int($0) }),
            request.query("X-Sandbox-Signature") == Self.signature(executionId, fileId, expires: expires)
        else {
            throw SandboxError(.forbidden, "The signature does not match.")
        }
        guard Int(services.config.clock.now.timeIntervalSince1970) <= expires else {
            throw SandboxError(.forbidden, "Request has expired.")
        }
        guard UUIDFormat.isValid(executionId), let state = try await services.repository.execution(executionId),
            let file = SeededFiles.files(for: state.execution).first(where: { $0.id == fileId })
        else {
            throw SandboxError(.notFound, "The specified key does not exist.")
        }
        let data = SeededFiles.content(of: file)
        var headers: HTTPFields = [
            .contentType: file.mimeType ?? "application/octet-stream", .contentLength: String(data.count),
        ]
        if let hash = HTTPField.Name("x-goog-hash") { headers[hash] = "crc32c=\(CRC32C.base64(data))" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `GET /users/v2/whoami`, the one operation outside `/agents/v2`, behind the same key check.
struct IdentityRoutes {
    let services: SandboxServices

    func register(on router: Router<BasicRequestContext>) {
        router.group("users/v2").add(middleware: AuthMiddleware(apiKey: services.config.apiKey))
            .get("whoami") { _, _ in try Response.json(services.catalog.whoami) }
    }
}
