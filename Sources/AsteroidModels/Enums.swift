import Foundation

// Every enum of reference §2 that the bound operations carry. Each is open (see OpenEnum).

/// `Agents.Execution.Status`.
public enum ExecutionStatus: OpenEnum {
    case queued, starting, running, paused, awaitingConfirmation, completed, cancelled, failed, pausedByAgent
    case unknown(String)

    public static let allKnown: [ExecutionStatus] = [
        .queued, .starting, .running, .paused, .awaitingConfirmation, .completed, .cancelled, .failed, .pausedByAgent,
    ]

    public var rawValue: String {
        switch self {
        case .queued: "queued"
        case .starting: "starting"
        case .running: "running"
        case .paused: "paused"
        case .awaitingConfirmation: "awaiting_confirmation"
        case .completed: "completed"
        case .cancelled: "cancelled"
        case .failed: "failed"
        case .pausedByAgent: "paused_by_agent"
        case .unknown(let raw): raw
        }
    }

    /// `completed`, `failed` and `cancelled` never change again.
    public var isTerminal: Bool { phase == .terminal }

    /// The phase the reference assigns to each status; unknown statuses are treated as active.
    public var phase: ExecutionPhase {
        switch self {
        case .queued: .pending
        case .completed, .cancelled, .failed: .terminal
        default: .active
        }
    }
}

/// `Agents.Execution.Phase` (newest API only).
public enum ExecutionPhase: OpenEnum {
    case pending, active, terminal
    case unknown(String)
    public static let allKnown: [ExecutionPhase] = [.pending, .active, .terminal]
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .active: "active"
        case .terminal: "terminal"
        case .unknown(let raw): raw
        }
    }
}

/// The statuses a client may set (status-update body and the status-change response).
public enum UpdatableStatus: OpenEnum {
    case running, paused, cancelled
    case unknown(String)
    public static let allKnown: [UpdatableStatus] = [.running, .paused, .cancelled]
    public var rawValue: String {
        switch self {
        case .running: "running"
        case .paused: "paused"
        case .cancelled: "cancelled"
        case .unknown(let raw): raw
        }
    }
}

/// Sort field of `GET /executions`.
public enum ExecutionSortField: OpenEnum {
    case createdAt, status, startedAt
    case unknown(String)
    public static let allKnown: [ExecutionSortField] = [.createdAt, .status, .startedAt]
    public var rawValue: String {
        switch self {
        case .createdAt: "created_at"
        case .status: "status"
        case .startedAt: "started_at"
        case .unknown(let raw): raw
        }
    }
}

/// Sort field of `GET /agents`.
public enum AgentSortField: OpenEnum {
    case name, createdAt
    case unknown(String)
    public static let allKnown: [AgentSortField] = [.name, .createdAt]
    public var rawValue: String {
        switch self {
        case .name: "name"
        case .createdAt: "created_at"
        case .unknown(let raw): raw
        }
    }
}

/// `Common.SortDirection`.
public enum SortDirection: OpenEnum {
    case asc, desc
    case unknown(String)
    public static let allKnown: [SortDirection] = [.asc, .desc]
    public var rawValue: String {
        switch self {
        case .asc: "asc"
        case .desc: "desc"
        case .unknown(let raw): raw
        }
    }
}

/// What an execute request does when the organisation is at capacity (newest API only).
public enum OnCapacityLimit: OpenEnum {
    case reject, queue
    case unknown(String)
    public static let allKnown: [OnCapacityLimit] = [.reject, .queue]
    public var rawValue: String {
        switch self {
        case .reject: "reject"
        case .queue: "queue"
        case .unknown(let raw): raw
        }
    }
}

/// Why an execution was cancelled.
public enum CancelReason: OpenEnum {
    case timeout, maxSteps, userRequested, scriptFailed, noActivity, budgetExceeded, noWarmEnvironment, workerLost
    case unknown(String)
    public static let allKnown: [CancelReason] = [
        .timeout, .maxSteps, .userRequested, .scriptFailed, .noActivity, .budgetExceeded, .noWarmEnvironment,
        .workerLost,
    ]
    public var rawValue: String {
        switch self {
        case .timeout: "timeout"
        case .maxSteps: "max_steps"
        case .userRequested: "user_requested"
        case .scriptFailed: "script_failed"
        case .noActivity: "no_activity"
        case .budgetExceeded: "budget_exceeded"
        case .noWarmEnvironment: "no_warm_environment"
        case .workerLost: "worker_lost"
        case .unknown(let raw): raw
        }
    }
}

/// Who started an execution (the `source` discriminator of a trigger context).
public enum TriggerSource: OpenEnum {
    case api, ui, schedule, warmup
    case unknown(String)
    public static let allKnown: [TriggerSource] = [.api, .ui, .schedule, .warmup]
    public var rawValue: String {
        switch self {
        case .api: "api"
        case .ui: "ui"
        case .schedule: "schedule"
        case .warmup: "warmup"
        case .unknown(let raw): raw
        }
    }
}

/// The kind of an actor (newest API only).
public enum ActorKind: OpenEnum {
    case person, apiKey, service
    case unknown(String)
    public static let allKnown: [ActorKind] = [.person, .apiKey, .service]
    public var rawValue: String {
        switch self {
        case .person: "person"
        case .apiKey: "api_key"
        case .service: "service"
        case .unknown(let raw): raw
        }
    }
}

/// The client an actor used (newest API only).
public enum ActorClient: OpenEnum {
    case web, cli, mcp, astro, sdk
    case unknown(String)
    public static let allKnown: [ActorClient] = [.web, .cli, .mcp, .astro, .sdk]
    public var rawValue: String {
        switch self {
        case .web: "web"
        case .cli: "cli"
        case .mcp: "mcp"
        case .astro: "astro"
        case .sdk: "sdk"
        case .unknown(let raw): raw
        }
    }
}

/// The discriminator of an activity payload. 19 kinds in the newest API.
public enum ActivityType: OpenEnum {
    case terminal, generic, reasoning, compactionStarted, compactionPerformed, stepStarted, stepCompleted
    case transitionedNode, statusChanged, actionStarted, actionCompleted, actionFailed, userMessageReceived
    case fileAdded, playwrightScriptGenerated, scriptVariablesSubstituted, inputSchemaResolved
    case outputSchemaResolved, todosUpdated
    case unknown(String)

    public static let allKnown: [ActivityType] = [
        .terminal, .generic, .reasoning, .compactionStarted, .compactionPerformed, .stepStarted, .stepCompleted,
        .transitionedNode, .statusChanged, .actionStarted, .actionCompleted, .actionFailed, .userMessageReceived,
        .fileAdded, .playwrightScriptGenerated, .scriptVariablesSubstituted, .inputSchemaResolved,
        .outputSchemaResolved, .todosUpdated,
    ]

    public var rawValue: String {
        switch self {
        case .terminal: "terminal"
        case .generic: "generic"
        case .reasoning: "reasoning"
        case .compactionStarted: "compaction_started"
        case .compactionPerformed: "compaction_performed"
        case .stepStarted: "step_started"
        case .stepCompleted: "step_completed"
        case .transitionedNode: "transitioned_node"
        case .statusChanged: "status_changed"
        case .actionStarted: "action_started"
        case .actionCompleted: "action_completed"
        case .actionFailed: "action_failed"
        case .userMessageReceived: "user_message_received"
        case .fileAdded: "file_added"
        case .playwrightScriptGenerated: "playwright_script_generated"
        case .scriptVariablesSubstituted: "script_variables_substituted"
        case .inputSchemaResolved: "input_schema_resolved"
        case .outputSchemaResolved: "output_schema_resolved"
        case .todosUpdated: "todos_updated"
        case .unknown(let raw): raw
        }
    }
}
