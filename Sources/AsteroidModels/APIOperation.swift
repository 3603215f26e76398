import Foundation

/// The catalogue of operations `ast` binds: one name, method and path template each (reference §3).
///
/// Paths are relative to the base URL (`…/agents/v2`). The client names the operation in every error and
/// log line; the sandbox mounts a route for each.
///
/// Named `APIOperation`, not `Operation`, so that it does not shadow Foundation.Operation in a host that imports both.
public enum APIOperation: String, Sendable, CaseIterable, CustomStringConvertible {
    case executionsList, executionGet, executionDelete, executionActivitiesGet
    case executionPause, executionResume, executionCancel, executionStatusUpdate, executionRerun
    case executionSyncGet, executionUserMessagesAdd, executionRecordingRedirect
    case agentList, agentExecutePost, agentExecuteSyncPost
    case workflowExecutePost, workflowExecuteSyncPost
    case tempFilesUpload, tempFilesStage
    case executionFilesGet, executionFileDownloadRedirect, executionContextFilesGet, executionContextFilesUpload
    case workflowList, workflowVersionsList, workflowVersionsGetInputs
    case profilesList, profileGroupsList, profileClearBrowserCache
    case contextGet, whoamiGet

    public var method: String {
        switch self {
        case .executionsList, .executionGet, .executionActivitiesGet, .executionSyncGet,
            .executionRecordingRedirect, .agentList, .executionFilesGet, .executionFileDownloadRedirect,
            .executionContextFilesGet, .workflowList, .workflowVersionsList, .workflowVersionsGetInputs, .profilesList,
            .profileGroupsList, .contextGet, .whoamiGet:
            "GET"
        case .executionDelete, .profileClearBrowserCache: "DELETE"
        default: "POST"
        }
    }

    /// The path template, with `{executionId}`, `{agentId}`, `{workflowId}` or `{organizationId}`.
    public var pathTemplate: String {
        switch self {
        case .executionsList: "/executions"
        case .executionGet, .executionDelete: "/executions/{executionId}"
        case .executionActivitiesGet: "/executions/{executionId}/activities"
        case .executionPause: "/executions/{executionId}/pause"
        case .executionResume: "/executions/{executionId}/resume"
        case .executionCancel: "/executions/{executionId}/cancel"
        case .executionStatusUpdate: "/executions/{executionId}/status"
        case .executionRerun: "/executions/{executionId}/rerun"
        case .executionSyncGet: "/executions/{executionId}/sync"
        case .executionUserMessagesAdd: "/executions/{executionId}/user-messages"
        case .executionRecordingRedirect: "/executions/{executionId}/recording"
        case .agentList: "/agents"
        case .agentExecutePost: "/agents/{agentId}/execute"
        case .agentExecuteSyncPost: "/agents/{agentId}/execute/sync"
        case .workflowExecutePost: "/workflows/{workflowId}/execute"
        case .workflowExecuteSyncPost: "/workflows/{workflowId}/execute/sync"
        case .tempFilesUpload: "/temp-files"
        case .tempFilesStage: "/temp-files/{organizationId}"
        case .executionFilesGet: "/executions/{executionId}/files"
        case .executionFileDownloadRedirect: "/executions/{executionId}/files/{fileId}/download"
        case .executionContextFilesGet, .executionContextFilesUpload: "/executions/{executionId}/context-files"
        case .workflowList: "/workflows"
        case .workflowVersionsList: "/workflows/{workflowId}/versions"
        case .workflowVersionsGetInputs: "/workflows/{workflowId}/versions/{versionId}/inputs"
        case .profilesList: "/profiles"
        case .profileGroupsList: "/profile-groups"
        case .profileClearBrowserCache: "/profiles/{profileId}/clear-browser-cache"
        case .contextGet: "/context"
        case .whoamiGet: Self.whoamiPath
        }
    }

    /// `GET /users/v2/whoami` is the one operation outside the `/agents/v2` prefix: its path is relative to
    /// the host, not to the base URL.
    public static let whoamiPath = "/users/v2/whoami"
    public var isOutsidePrefix: Bool { self == .whoamiGet }

    /// True for operations that change server state. Only these are guarded by retry rules and `--dry-run`.
    public var isMutating: Bool { method != "GET" }

    /// The PY SDK's method name, e.g. `executions_list`.
    public var description: String {
        rawValue.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    /// The path with its single parameter filled in (already percent-safe: ids are UUIDs).
    public func path(_ parameter: String? = nil) -> String {
        path(parameter.map { [$0] } ?? [])
    }

    /// The path with its parameters filled in, in template order.
    public func path(_ parameters: [String]) -> String {
        var path = pathTemplate
        for parameter in parameters {
            guard let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") else { break }
            path.replaceSubrange(open...close, with: parameter)
        }
        return path
    }
}
