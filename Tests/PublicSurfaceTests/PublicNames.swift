// Every public type of the library products (AsteroidModels, AsteroidClient, AsteroidSandbox, AstEngine), named
// unqualified beside Foundation, ArgumentParser, Hummingbird and NIOCore. A name two of these modules both declare
// is ambiguous here and this target stops compiling; add each new public type to the list. AstTime's names come
// through AsteroidModels' re-export.
import ArgumentParser
import AstEngine
import AsteroidSandbox
import Foundation
import Hummingbird
import NIOCore

private typealias SurfaceAPIKeyRef = APIKeyRef
private typealias SurfaceAPIOperation = APIOperation
private typealias SurfaceActivitiesQuery = ActivitiesQuery
private typealias SurfaceActivity = Activity
private typealias SurfaceActivityPayload = ActivityPayload
private typealias SurfaceActivityType = ActivityType
private typealias SurfaceActorClient = ActorClient
private typealias SurfaceActorKind = ActorKind
private typealias SurfaceAgent = Agent
private typealias SurfaceAgentFile = AgentFile
private typealias SurfaceAgentSortField = AgentSortField
private typealias SurfaceAgentStream = AgentStream
private typealias SurfaceAsteroidClient = AsteroidClient
private typealias SurfaceAsteroidClientVersion = AsteroidClientVersion
private typealias SurfaceAsteroidError = AsteroidError
private typealias SurfaceAsteroidJSON = AsteroidJSON
private typealias SurfaceRFC3339 = RFC3339
private typealias SurfaceTimeOutOfRange = TimeOutOfRange
private typealias SurfaceDurationText = DurationText
private typealias SurfaceAsteroidTransport = AsteroidTransport
private typealias SurfaceAsyncHTTPClientTransport = AsyncHTTPClientTransport
private typealias SurfaceCancelReason = CancelReason
private typealias SurfaceCancellationHandle = CancellationHandle
private typealias SurfaceCapabilities = Capabilities
private typealias SurfaceClientConfiguration = ClientConfiguration
private typealias SurfaceClientMiddleware = ClientMiddleware
private typealias SurfaceClientRequestContext = ClientRequestContext
private typealias SurfaceComment = Comment
private typealias SurfaceContextFile = ContextFile
private typealias SurfaceDownloadedFile = DownloadedFile
private typealias SurfaceDryRunRequest = DryRunRequest
private typealias SurfaceEngine = Engine
private typealias SurfaceEngineError = EngineError
private typealias SurfaceEngineOptions = EngineOptions
private typealias SurfaceErrorBody = ErrorBody
private typealias SurfaceExecuteRequest = ExecuteRequest
private typealias SurfaceExecuteResponse = ExecuteResponse
private typealias SurfaceExecuteRoute = ExecuteRoute
private typealias SurfaceExecution = Execution
private typealias SurfaceExecutionFiles = ExecutionFiles
private typealias SurfaceExecutionOptions = ExecutionOptions
private typealias SurfaceExecutionPhase = ExecutionPhase
private typealias SurfaceExecutionResult = ExecutionResult
private typealias SurfaceExecutionSortField = ExecutionSortField
private typealias SurfaceExecutionStatus = ExecutionStatus
private typealias SurfaceExecutionStream = ExecutionStream
private typealias SurfaceFaultSpec = FaultSpec
private typealias SurfaceFaultSpecError = FaultSpecError
private typealias SurfaceFileUpload = FileUpload
private typealias SurfaceHostCall = HostCall
private typealias SurfaceHostCommand = HostCommand
private typealias SurfaceHostCommandError = HostCommandError
private typealias SurfaceHostExample = HostExample
private typealias SurfaceHostFlag = HostFlag
private typealias SurfaceHostParameter = HostParameter
private typealias SurfaceHumanLabel = HumanLabel
private typealias SurfaceJSONValue = JSONValue
private typealias SurfaceListAgentsQuery = ListAgentsQuery
private typealias SurfaceListExecutionsQuery = ListExecutionsQuery
private typealias SurfaceListProfilesQuery = ListProfilesQuery
private typealias SurfaceMIMEType = MIMEType
private typealias SurfaceManualClock = ManualClock
private typealias SurfaceMessageResponse = MessageResponse
private typealias SurfaceOnCapacityLimit = OnCapacityLimit
private typealias SurfaceOpenEnum = OpenEnum
private typealias SurfacePage = Page
private typealias SurfacePagedSequence = PagedSequence
private typealias SurfaceProfile = Profile
private typealias SurfaceProfileGroup = ProfileGroup
private typealias SurfaceRateLimitMiddleware = RateLimitMiddleware
private typealias SurfaceRateLimiter = RateLimiter
private typealias SurfaceRequestValidationError = RequestValidationError
private typealias SurfaceRerunRequest = RerunRequest
private typealias SurfaceRetryPolicy = RetryPolicy
private typealias SurfaceSandboxClock = SandboxClock
private typealias SurfaceSandboxConfig = SandboxConfig
private typealias SurfaceSandboxServer = SandboxServer
private typealias SurfaceSandboxStartError = SandboxStartError
private typealias SurfaceScheduleRef = ScheduleRef
private typealias SurfaceScriptDiagnostic = ScriptDiagnostic
private typealias SurfaceScriptError = ScriptError
private typealias SurfaceScriptFailure = ScriptFailure
private typealias SurfaceSortDirection = SortDirection
private typealias SurfaceStatusChange = StatusChange
private typealias SurfaceSyncResponse = SyncResponse
private typealias SurfaceSyncResult = SyncResult
private typealias SurfaceSystemClock = SystemClock
private typealias SurfaceTempFile = TempFile
private typealias SurfaceTempFileRoute = TempFileRoute
private typealias SurfaceTempFilesResponse = TempFilesResponse
private typealias SurfaceTransportFailure = TransportFailure
private typealias SurfaceTransportRequest = TransportRequest
private typealias SurfaceTransportResponse = TransportResponse
private typealias SurfaceTriggerActor = TriggerActor
private typealias SurfaceTriggerContext = TriggerContext
private typealias SurfaceTriggerRunner = TriggerRunner
private typealias SurfaceTriggerSource = TriggerSource
private typealias SurfaceUpdatableStatus = UpdatableStatus
private typealias SurfaceUpdateStatusRequest = UpdateStatusRequest
private typealias SurfaceUserContext = UserContext
private typealias SurfaceUserMessageRequest = UserMessageRequest
private typealias SurfaceValue = Value
private typealias SurfaceWhoami = Whoami
private typealias SurfaceWorkflowInput = WorkflowInput
private typealias SurfaceWorkflowInputs = WorkflowInputs
private typealias SurfaceWorkflowVersion = WorkflowVersion
