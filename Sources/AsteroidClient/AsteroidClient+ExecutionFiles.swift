import AsteroidModels
import Foundation

extension AsteroidClient {
    /// `GET /executions/{id}/files`: the execution's files, grouped by directory.
    public func executionFiles(_ executionId: String) async throws(AsteroidError) -> ExecutionFiles {
        let endpoint = try Self.endpoint(.executionFilesGet, executionId)
        return try decode(ExecutionFiles.self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `GET /executions/{id}/context-files`: the files given to a running execution as context.
    public func contextFiles(_ executionId: String) async throws(AsteroidError) -> [ContextFile] {
        let endpoint = try Self.endpoint(.executionContextFilesGet, executionId)
        return try decode([ContextFile].self, endpoint, try await send(endpoint, expecting: [200]))
    }

    /// `POST /executions/{id}/context-files`: adds files to a running execution (multipart, field `files`
    /// once per file); returns the server's text (`Files uploaded.`). Not repeated after a lost answer:
    /// no read tells whether it took effect.
    @discardableResult
    public func uploadContextFiles(_ executionId: String, files: [FileUpload]) async throws(AsteroidError) -> String {
        let operation = APIOperation.executionContextFilesUpload
        try Self.checkUploads(files, operation)
        var endpoint = try Self.endpoint(operation, executionId)
        let form = MultipartForm(files: files)
        endpoint.body = .multipart(form.body, boundary: form.boundary, summary: form.summary)
        return try await unverifiable(endpoint) { () throws(AsteroidError) in
            text(try await send(endpoint, expecting: [200, 201]))
        }
    }

    /// `GET /executions/{id}/files/{fileId}/download`: the signed URL of the 303's `Location` (not followed
    /// here; it expires quickly).
    public func fileDownloadURL(executionId: String, fileId: String) async throws(AsteroidError) -> URL {
        let operation = APIOperation.executionFileDownloadRedirect
        try Self.validate(
            { () throws(RequestValidationError) in
                try UUIDFormat.check(executionId, "executionId")
                try UUIDFormat.check(fileId, "fileId")
            }, operation)
        var endpoint = Endpoint(operation)
        endpoint.path = operation.path([executionId, fileId])
        return try location(endpoint, try await send(endpoint, expecting: [301, 302, 303, 307, 308]))
    }

    /// The check every multipart upload makes before sending: at least one file, and names the form can carry.
    static func checkUploads(_ files: [FileUpload], _ operation: APIOperation) throws(AsteroidError) {
        guard !files.isEmpty else {
            throw AsteroidError(
                kind: .validation, operation: operation, detail: "give at least one file", field: "files")
        }
        for (index, file) in files.enumerated() where file.name.isEmpty || file.name.contains("\"") {
            throw AsteroidError(
                kind: .validation, operation: operation,
                detail: "file names must be non-empty and free of double quotes", field: "files[\(index)].name")
        }
    }

    /// The absolute URL of a redirect's `Location` (relative ones resolve against the base URL).
    func location(_ endpoint: Endpoint, _ response: TransportResponse) throws(AsteroidError) -> URL {
        guard let location = response.header("Location"),
            let url = URL(string: location, relativeTo: configuration.baseURL)
        else {
            throw AsteroidError(
                kind: .decoding, operation: endpoint.operation, method: endpoint.method, path: endpoint.path,
                status: response.status, detail: "the redirect has no usable Location header", attempts: 1)
        }
        return url.absoluteURL
    }
}
