import AsteroidModels
import Foundation

/// A file written by `download(_:into:)`.
public struct DownloadedFile: Sendable, Hashable {
    /// Where it was written.
    public var path: String
    public var bytes: Int
    /// True when the server sent a CRC-32C and it matched (false: none was sent; a mismatch throws).
    public var checksumVerified: Bool
}

extension AsteroidClient {
    /// Downloads one of an execution's files into `directory`, named after `file.fileName`.
    ///
    /// Asks `…/files/{fileId}/download` for the signed URL (303), then fetches that URL WITHOUT the API key
    /// (it is another host's URL and carries its own signature). The body is checked against the listing's
    /// `fileSize`, the `Content-Length` and, when the storage sends one, the `x-goog-hash` CRC-32C; only
    /// then is it written to a temporary file beside the target and renamed over it, so a failed or
    /// interrupted download never leaves a partial file under the real name. A signed-URL fetch that fails
    /// to connect or answers 5xx is tried again (3 attempts), asking for a fresh URL each time.
    public func download(_ file: AgentFile, into directory: URL) async throws(AsteroidError) -> DownloadedFile {
        let operation = APIOperation.executionFileDownloadRedirect
        let name = try Self.safeFileName(file.fileName, operation)
        var lastError: AsteroidError?
        for attempt in 1...3 {
            let url = try await fileDownloadURL(executionId: file.executionId, fileId: file.id)
            let request = TransportRequest(
                method: "GET", url: url, headers: [("Accept", "*/*"), ("User-Agent", configuration.userAgent)])
            let response: TransportResponse
            do {
                response = try await transport.send(request, timeout: configuration.timeout)
            } catch {
                lastError = AsteroidError(
                    kind: .transport, operation: operation, method: "GET", path: redactor.scrub(url.path),
                    detail: "fetching the signed URL failed: \(error)", attempts: attempt, cause: error)
                log("· download of \(name) failed (attempt \(attempt) of 3): \(error)")
                continue
            }
            if response.status == 200 {
                let verified = try Self.verify(response, file, operation)
                let path = try Self.writeAtomically(
                    response.body, to: directory.appendingPathComponent(name), operation)
                return DownloadedFile(path: path, bytes: response.body.count, checksumVerified: verified)
            }
            let failure = AsteroidError(
                kind: .http, operation: operation, method: "GET", path: redactor.scrub(url.path),
                status: response.status, detail: "the signed URL answered \(response.status)", attempts: attempt)
            guard response.status >= 500 else { throw failure }
            lastError = failure
            log("· download of \(name) failed (attempt \(attempt) of 3): \(response.status)")
        }
        throw lastError ?? AsteroidError(kind: .transport, operation: operation, detail: "download failed")
    }

    /// The last path component of a server-given name; `.`/`..`/empty names are refused.
    static func safeFileName(_ name: String, _ operation: APIOperation) throws(AsteroidError) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? ""
        guard !last.isEmpty, last != ".", last != "..", !last.contains("\0") else {
            throw AsteroidError(
                kind: .validation, operation: operation, detail: "the file name \"\(name)\" cannot be written safely",
                field: "fileName")
        }
        return last
    }

    static func verify(_ response: TransportResponse, _ file: AgentFile, _ operation: APIOperation)
        throws(AsteroidError) -> Bool
    {
        func mismatch(_ what: String) -> AsteroidError {
            AsteroidError(
                kind: .decoding, operation: operation, status: response.status,
                detail: "\(file.fileName): \(what); nothing was written", attempts: 1)
        }
        let count = response.body.count
        if let length = response.header("Content-Length").flatMap({ Int($0) }), length != count {
            throw mismatch("received \(count) bytes, Content-Length says \(length)")
        }
        guard count == file.fileSize else {
            throw mismatch("received \(count) bytes, the listing says \(file.fileSize)")
        }
        guard let expected = CRC32C.value(inHashHeader: response.header("x-goog-hash")) else { return false }
        let actual = CRC32C.base64(response.body)
        guard actual == expected else { throw mismatch("CRC-32C \(actual) differs from the server's \(expected)") }
        return true
    }

    /// Writes to `.<name>.part-<random>` in the same directory, then renames it over `target`.
    static func writeAtomically(_ data: Data, to target: URL, _ operation: APIOperation)
        throws(AsteroidError) -> String
    {
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(target.lastPathComponent).part-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
            }
        } catch {
            throw AsteroidError(
                kind: .validation, operation: operation,
                detail: "cannot write \(target.path): \(error.localizedDescription)", field: "dir", cause: error)
        }
        return target.path
    }
}
