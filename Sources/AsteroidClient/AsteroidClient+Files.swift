import AsteroidModels
import Foundation

/// A file to stage: its name (which also sets the part's content type) and its bytes.
public struct FileUpload: Sendable, Hashable {
    public var name: String
    public var data: Data
    /// The part's `Content-Type`; derived from the name's extension, `application/octet-stream` otherwise.
    public var contentType: String

    public init(name: String, data: Data, contentType: String? = nil) {
        self.name = name
        self.data = data
        self.contentType = contentType ?? MIMEType.forFileName(name)
    }

    /// Reads a local file; the upload is named after the file's last path component.
    public init(contentsOf url: URL) throws(AsteroidError) {
        do {
            self.init(name: url.lastPathComponent, data: try Data(contentsOf: url))
        } catch {
            throw AsteroidError(
                kind: .validation, detail: "cannot read \(url.path): \(error.localizedDescription)", field: "files",
                cause: error)
        }
    }
}

/// Which staging route to call: the current `POST /temp-files?organizationId=` or the seed-era
/// `POST /temp-files/{organizationId}` (deprecated upstream; needs an organization id).
public enum TempFileRoute: Sendable, Hashable {
    case current, legacy
}

extension AsteroidClient {
    /// Stages files for an execution (multipart, form field `files` once per file). Pass the result as
    /// `ExecuteRequest.tempFiles` unchanged. `organizationId` is needed only when the key's user belongs
    /// to several organizations (and always for `.legacy`).
    public func stageTempFiles(
        _ files: [FileUpload], organizationId: String? = nil, route: TempFileRoute = .current
    ) async throws(AsteroidError) -> [TempFile] {
        let operation: APIOperation = route == .current ? .tempFilesUpload : .tempFilesStage
        try Self.checkUploads(files, operation)
        var endpoint: Endpoint
        switch route {
        case .current:
            try Self.validate(
                { () throws(RequestValidationError) in
                    try UUIDFormat.check(organizationId, "organizationId")
                }, operation)
            endpoint = Endpoint(operation)
            if let organizationId { endpoint.query = [("organizationId", organizationId)] }
        case .legacy:
            guard let organizationId else {
                throw AsteroidError(
                    kind: .validation, operation: operation, detail: "the legacy route needs an organization id",
                    field: "organizationId")
            }
            endpoint = try Self.endpoint(operation, organizationId)
        }
        let form = MultipartForm(files: files)
        endpoint.body = .multipart(form.body, boundary: form.boundary, summary: form.summary)
        let response = try await send(endpoint, expecting: [200, 201])
        return try decode(TempFilesResponse.self, endpoint, response).tempFiles
    }

    /// Tuple spelling of `stageTempFiles(_:organizationId:route:)`.
    public func stageTempFiles(_ files: [(name: String, data: Data)], organizationId: String? = nil)
        async throws(AsteroidError) -> [TempFile]
    {
        try await stageTempFiles(files.map { FileUpload(name: $0.name, data: $0.data) }, organizationId: organizationId)
    }
}
