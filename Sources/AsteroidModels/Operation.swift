import Foundation

/// The catalogue of operations `ast` binds: one name, method and path template each (reference §3).
///
/// Paths are relative to the base URL (`…/agents/v2`). The client names the operation in every error and
/// log line; the sandbox mounts a route for each.
public enum Operation: String, Sendable, CaseIterable, CustomStringConvertible {
    case executionsList, executionGet, executionDelete, executionActivitiesGet
    case executionPause, executionResume, executionCancel, executionStatusUpdate, executionRerun
    case executionSyncGet, executionUserMessagesAdd, executionRecordingRedirect
    case agentList, agentExecutePost, agentExecuteSyncPost
    case workflowExecutePost, workflowExecuteSyncPost
    case tempFilesUpload, tempFilesStage

    public var method: String {
        switch self {
        case .executionsList, .executionGet, .executionActivitiesGet, .executionSyncGet,
            .executionRecordingRedirect, .agentList:
            "GET"
        case .executionDelete: "DELETE"
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
        }
    }

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
        guard let parameter, let open = pathTemplate.firstIndex(of: "{"),
            let close = pathTemplate.firstIndex(of: "}")
        else { return pathTemplate }
        var path = pathTemplate
        path.replaceSubrange(open...close, with: parameter)
        return path
    }
}
