import Foundation

/// A `multipart/form-data` body with one `files` part per file (RFC 7578).
struct MultipartForm {
    let boundary: String
    let body: Data
    /// One line for dry-run dumps: names, sizes and types, never the bytes.
    let summary: String

    init(files: [FileUpload], boundary: String = "ast-" + UUID().uuidString) {
        self.boundary = boundary
        var body = Data()
        for file in files {
            var head = "--\(boundary)\r\n"
            head += "Content-Disposition: form-data; name=\"files\"; filename=\"\(Self.escape(file.name))\"\r\n"
            head += "Content-Type: \(file.contentType)\r\n\r\n"
            body.append(Data(head.utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        self.body = body
        self.summary =
            "multipart/form-data, \(files.count) file\(files.count == 1 ? "" : "s"): "
            + files.map { "\($0.name) (\($0.data.count) bytes, \($0.contentType))" }.joined(separator: ", ")
    }

    /// Line breaks cannot appear in a header; quotes are refused earlier.
    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

/// Content types from file extensions, as the Python SDK guesses them.
public enum MIMEType {
    static let byExtension: [String: String] = [
        "txt": "text/plain", "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
        "htm": "text/html", "md": "text/markdown", "css": "text/css", "js": "text/javascript",
        "json": "application/json", "xml": "application/xml", "pdf": "application/pdf", "zip": "application/zip",
        "gz": "application/gzip", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "svg": "image/svg+xml", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "wav": "audio/wav",
        "yaml": "application/yaml", "yml": "application/yaml",
    ]

    /// `report.pdf` → `application/pdf`; unknown or missing extension → `application/octet-stream`.
    public static func forFileName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }
}
