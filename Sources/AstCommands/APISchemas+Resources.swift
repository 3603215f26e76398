import AstRuntime
import AsteroidModels

/// Schemas of the records the resource commands yield (files, workflows, profiles, identity).
extension APISchemas {
    static let file = Schema(
        name: "file", fields: AgentFile.fieldNames,
        columns: [("dir", "directory"), ("name", "fileName"), ("size", "fileSize"), ("type", "mimeType"), ("id", "id")])
    static let contextFile = Schema(
        name: "context file",
        fields: ["id", "executionId", "fileName", "fileSize", "mimeType", "createdAt", "filePath", "downloadUrl"],
        columns: [("name", "fileName"), ("size", "fileSize"), ("type", "mimeType"), ("id", "id")])
    static let download = Schema(
        name: "download", fields: ["fileId", "fileName", "path", "bytes", "verified"],
        columns: [("name", "fileName"), ("bytes", "bytes"), ("path", "path")])
    static let workflowVersion = Schema(
        name: "workflow version", fields: WorkflowVersion.fieldNames,
        columns: [("version", "version"), ("published", "isPublished"), ("created", "createdAt"), ("id", "id")])
    static let workflowInput = Schema(
        name: "workflow input", fields: WorkflowInput.fieldNames,
        columns: [("name", "name"), ("required", "required"), ("type", "schema.type")])
    static let profile = Schema(
        name: "profile", fields: Profile.fieldNames, columns: [("id", "id"), ("name", "name"), ("inbox", "inboxEmail")])
    static let profileGroup = Schema(
        name: "profile group", fields: ProfileGroup.fieldNames,
        columns: [("id", "id"), ("name", "name"), ("strategy", "selectionStrategy")])
    static let identity = Schema(
        name: "identity", fields: ["kind", "credential", "id", "email", "organizationId", "organizations", "apiKeyId"])
    static let recording = Schema(name: "recording", fields: ["executionId", "url", "path", "bytes"])

    static let resourceSchemas: [String: Schema] = [
        "file": file, "contextFile": contextFile, "download": download, "workflowVersion": workflowVersion,
        "workflowInput": workflowInput, "profile": profile, "profileGroup": profileGroup, "identity": identity,
        "recording": recording,
    ]
}
