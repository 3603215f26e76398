import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// `download [ID|FILE] [to=DIR] [name=TEXT] [dir=NAME]`: downloads an execution's files (all of them, or
/// those matching `name=`/`dir=`), or the file records `files` yields, into a local directory. Each file
/// is fetched from its signed URL, checked (size, CRC-32C when sent) and renamed into place.
struct DownloadCommand: Command {
    let signature = Signature(
        "download", "download execution files to a directory", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record, or a file record")],
        named: [
            ParamSpec("to", .string, "local directory (default: the current one)"),
            ParamSpec("name", .string, "only files whose name contains this"),
            ParamSpec("dir", .string, "only this directory", choices: AgentFile.directories),
        ],
        outputSchema: "download", inputDemand: Demand(ofItems: .everything, ofValue: .everything),
        examples: [
            Example("download 3c90c3cc-0d44-4b50-8888-8dd25736052a to=./out", "every file of one run"),
            Example(
                "files 3c90c3cc-0d44-4b50-8888-8dd25736052a | where .fileName =~ \"csv\" | download", "just the CSVs"),
        ],
        effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let directory = URL(fileURLWithPath: call.named["to"]?.text ?? FileManager.default.currentDirectoryPath)
        let nameFilter = call.named["name"]?.text.lowercased()
        let dirFilter = call.named["dir"]?.text
        var files: [AgentFile] = []
        for item in try await call.targetItems().collect() {
            if let file = Self.file(item) {
                files.append(file)
                continue
            }
            guard let id = APIValues.executionId(of: item) else {
                throw call.error("download takes an execution id or record, or a file record from 'files'")
            }
            guard
                let listing = try await call.request({ () throws(AsteroidError) in
                    try await api.client.executionFiles(id)
                })
            else { continue }
            files += listing.all.filter { file in
                (dirFilter == nil || file.directory == dirFilter)
                    && (nameFilter == nil || file.fileName.lowercased().contains(nameFilter ?? ""))
            }
        }
        let progress = call.interpreter.progress?.begin("download", total: files.count, noun: "file")
        defer { progress?.end() }
        var out: [Value] = []
        for file in files {
            try Task.checkCancellation()
            progress?.started()
            let written = try await call.request({ () throws(AsteroidError) in
                try await api.client.download(file, into: directory)
            })
            progress?.completed(failed: written == nil)
            guard let written else { continue }
            out.append(
                .record(
                    Record(
                        [
                            ("fileId", .string(file.id)), ("fileName", .string(file.fileName)),
                            ("path", .string(written.path)),
                            ("bytes", .int(written.bytes)), ("verified", .bool(written.checksumVerified)),
                        ],
                        schema: APISchemas.download)))
        }
        return .list(out)
    }

    /// A file record from `files` (it has `executionId`, `id`, `fileName` and `fileSize`).
    static func file(_ item: Value) -> AgentFile? {
        guard case .record(let record) = item, let id = record["id"]?.stringValue,
            let executionId = record["executionId"]?.stringValue, let name = record["fileName"]?.stringValue,
            let size = record["fileSize"]?.intValue
        else { return nil }
        let time = Date(timeIntervalSince1970: 0)
        return AgentFile(
            id: id, agentId: record["agentId"]?.stringValue ?? "", workflowId: record["workflowId"]?.stringValue ?? "",
            filePath: record["filePath"]?.stringValue ?? name, fileName: name, fileSize: size,
            mimeType: record["mimeType"]?.stringValue, createdAt: time, updatedAt: time, executionId: executionId,
            directory: record["directory"]?.stringValue ?? "", createdBy: record["createdBy"]?.stringValue ?? "",
            downloadUrl: record["downloadUrl"]?.stringValue ?? "")
    }
}
