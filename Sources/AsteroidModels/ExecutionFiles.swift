import Foundation

/// `Agents.Files.AgentFile`: one file of an execution (`GET /executions/{id}/files`).
///
/// `directory` (`uploads`, `downloads`, `workspace`, `shared`, `debug`, `tracing`) and `createdBy`
/// (`user`, `agent`, `environment`, `system`) are read as open strings: a new value must not fail a listing.
public struct AgentFile: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// Deprecated upstream; the same id as `workflowId`.
    public var agentId: String
    public var workflowId: String
    public var filePath: String
    public var fileName: String
    public var fileSize: Int
    public var mimeType: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var executionId: String
    public var directory: String
    public var createdBy: String
    public var downloadUrl: String

    public init(
        id: String, agentId: String, workflowId: String, filePath: String, fileName: String, fileSize: Int,
        mimeType: String?, createdAt: Date, updatedAt: Date, executionId: String, directory: String,
        createdBy: String, downloadUrl: String
    ) {
        self.id = id
        self.agentId = agentId
        self.workflowId = workflowId
        self.filePath = filePath
        self.fileName = fileName
        self.fileSize = fileSize
        self.mimeType = mimeType
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.executionId = executionId
        self.directory = directory
        self.createdBy = createdBy
        self.downloadUrl = downloadUrl
    }

    public static let fieldNames = [
        "id", "agentId", "workflowId", "filePath", "fileName", "fileSize", "mimeType", "createdAt", "updatedAt",
        "executionId", "directory", "createdBy", "downloadUrl",
    ]

    /// The directories of `Agents.Files.AgentFilesDirectoryListing`, in the API's order.
    public static let directories = ["uploads", "downloads", "workspace", "shared", "debug", "tracing"]
}

/// The body of `GET /executions/{id}/files`: files grouped by directory (absent directories are empty).
public struct ExecutionFiles: Codable, Sendable, Hashable {
    public var directories: [String: [AgentFile]]
    public var lastUpdated: Date?

    public init(directories: [String: [AgentFile]], lastUpdated: Date? = nil) {
        self.directories = directories
        self.lastUpdated = lastUpdated
    }

    /// Every file, directory by directory in the API's order (unknown directories last, by name).
    public var all: [AgentFile] {
        let known = AgentFile.directories
        let extra = directories.keys.filter { !known.contains($0) }.sorted()
        return (known + extra).flatMap { directories[$0] ?? [] }
    }
}

/// `Agents.Files.File`: a context file of an execution (`GET /executions/{id}/context-files`).
public struct ContextFile: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var executionId: String
    public var agentId: String?
    public var workflowId: String?
    public var filePath: String
    public var fileName: String
    public var fileExt: String?
    public var fileSize: Int
    public var fileType: String?
    public var mimeType: String?
    public var createdAt: Date
    public var downloadUrl: String?
    /// The TypeScript-era name of `downloadUrl`; the newest SDK requires both.
    public var signedUrl: String?

    public init(
        id: String, executionId: String, agentId: String?, workflowId: String?, filePath: String, fileName: String,
        fileExt: String?, fileSize: Int, fileType: String?, mimeType: String?, createdAt: Date, downloadUrl: String?,
        signedUrl: String? = nil
    ) {
        self.id = id
        self.executionId = executionId
        self.agentId = agentId
        self.workflowId = workflowId
        self.filePath = filePath
        self.fileName = fileName
        self.fileExt = fileExt
        self.fileSize = fileSize
        self.fileType = fileType
        self.mimeType = mimeType
        self.createdAt = createdAt
        self.downloadUrl = downloadUrl
        self.signedUrl = signedUrl
    }
}
