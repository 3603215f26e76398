import AstRuntime
import AsteroidClient
import AsteroidModels

/// `files [ID] [dir=NAME] [--context]`: an execution's files (uploads, downloads, workspace, shared,
/// debug, tracing), or with `--context` the context files given to it while it ran.
struct FilesCommand: Command {
    let signature = Signature(
        "files", "an execution's files, by directory", category: "api",
        positionals: [ParamSpec("id", .any, "an execution id or record")],
        named: [ParamSpec("dir", .string, "only this directory", choices: AgentFile.directories)],
        flags: [FlagSpec("context", "the context files uploaded to it instead")],
        outputSchema: "file", inputDemand: Demand(ofItems: .ids, ofValue: .ids),
        examples: [
            Example("files 3c90c3cc-0d44-4b50-8888-8dd25736052a dir=downloads", "what the agent downloaded"),
            Example("list status=failed limit=5 | files dir=debug | download to=./screens", "screenshots of failures"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let directory = call.named["dir"]?.text
        var out: [Value] = []
        for id in try await call.targetIds().collect() {
            if call.flag("context") {
                guard
                    let files = try await call.request({ () throws(AsteroidError) in
                        try await api.client.contextFiles(id.text)
                    })
                else { continue }
                out += files.map { APIValues.convert($0, schema: APISchemas.contextFile) }
                continue
            }
            guard
                let listing = try await call.request({ () throws(AsteroidError) in
                    try await api.client.executionFiles(id.text)
                })
            else { continue }
            out += listing.all.filter { directory == nil || $0.directory == directory }.map {
                APIValues.convert($0, schema: APISchemas.file)
            }
        }
        return .list(out)
    }
}
