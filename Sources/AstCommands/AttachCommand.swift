import AstRuntime
import AsteroidClient
import AsteroidModels
import Foundation

/// `attach [ID] files=[PATH…]`: uploads local files as context files of running executions
/// (`POST /executions/{id}/context-files`); `files ID --context` lists them.
struct AttachCommand: Command {
    let signature = Signature(
        "attach", "upload context files to running executions", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        named: [ParamSpec("files", .list, "paths of the files to upload", required: true)],
        isMutating: true, outputSchema: "statusChange", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example(
                "attach 3c90c3cc-0d44-4b50-8888-8dd25736052a files=[\"./po-4411.pdf\"]", "give a running agent a file")
        ],
        effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        guard case .list(let paths)? = call.named["files"], !paths.isEmpty else {
            throw call.error("attach needs files=[PATH, …]", argument: "files")
        }
        var uploads: [FileUpload] = []
        for path in paths {
            do { uploads.append(try FileUpload(contentsOf: URL(fileURLWithPath: path.text))) } catch {
                throw call.error("cannot attach \(path.text): \(error.detail)", argument: "files")
            }
        }
        let client = try call.api.writer(call)
        let targets = try await call.mutationTargets(verb: "attach")
        let files = uploads
        return try await call.bulkChange(verb: "attach", targets: targets) { target in
            guard
                let message = try await call.mutation({ () throws(AsteroidError) in
                    try await client.uploadContextFiles(target.id, files: files)
                })
            else { return DryRunPlaceholder.change([("executionId", .string(target.id))]) }
            return .record(Record([("executionId", .string(target.id)), ("status", .string(message))]))
        }
    }
}
