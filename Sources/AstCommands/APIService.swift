import AstBuiltins
import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import Foundation

/// The API as the commands see it: a live client, and a twin in dry-run mode on the same transport that
/// builds mutating requests without sending them. Attached to an interpreter with `install(on:)`.
package final class APIService: Sendable {
    package let client: AsteroidClient
    let dryClient: AsteroidClient
    /// Agent names and execution ids seen this session (for completion).
    package let seen = SeenValues()
    /// The organization `execute files=…` stages in, asked once per session (StagingOrganization).
    let stagingOrganization = StagingOrganization()

    /// `set trace true` / `--verbose`: each request on stderr.
    let trace: RequestTrace

    /// The session whose rate limits (`each --rate`, `set rate`) pace this service's requests.
    let pacing = PacingMiddleware.Session()

    package init(configuration: ClientConfiguration, transport: any AsteroidTransport = AsyncHTTPClientTransport()) {
        trace = RequestTrace(
            redactor: Redactor(apiKeyHeader: configuration.apiKeyHeader, apiKey: configuration.apiKey))
        var configuration = configuration
        configuration.middlewares.insert(PacingMiddleware(session: pacing), at: 0)
        configuration.middlewares.append(trace)
        client = AsteroidClient(configuration: configuration, transport: transport)
        var dry = configuration
        dry.dryRun = true
        dryClient = AsteroidClient(configuration: dry, transport: transport)
    }

    static let key = "api"

    /// Attaches the service; `$failed` starts empty (each bulk change sets it).
    package func install(on interpreter: Interpreter) {
        interpreter.setExtension(Self.key, self)
        trace.attach(interpreter)
        pacing.attach(interpreter)
        RequestPacing.install(PacingMiddleware.factory, on: interpreter)
        interpreter.globals.define("failed", .list([]))
    }

    private let dryRunCounter = SerialNumber()

    /// The next placeholder id of a change a dry run did not make: `dry-run-1`, `dry-run-2`, …
    package func nextDryRunId() -> String { "\(DryRunPlaceholder.prefix)\(dryRunCounter.next())" }

    package func shutdown() async { try? await client.shutdown() }

    /// The client for a mutating call: the dry-run twin when `--dry-run` / `set dry-run true` is on.
    /// A command that takes it without sending through `Invocation.mutation` (`execute`) marks the
    /// current bulk item as possibly changed, so an interrupt reports it as unknown, not "not started".
    func mutatingClient(_ call: Invocation) -> AsteroidClient {
        BulkLedger.current?.requestSent()
        return writer(call)
    }

    /// The client for a mutating call, for commands that report each request through `Invocation.mutation`.
    func writer(_ call: Invocation) -> AsteroidClient {
        call.interpreter.settings.dryRun ? dryClient : client
    }
}

/// Values seen in API responses this session, offered by completion.
package final class SeenValues: @unchecked Sendable {
    private let lock = NSLock()
    private var agents: [String] = []
    /// The last 500 execution ids, oldest first, and the same ids as a set (looked up on every item).
    private var executions: [String] = []
    private var executionSet: Set<String> = []

    func note(execution: Execution) {
        note(executionId: execution.id)
        lock.withLock {
            if !execution.agentName.isEmpty, !agents.contains(execution.agentName) {
                agents.append(execution.agentName)
            }
        }
    }

    func note(executionId id: String) {
        lock.withLock {
            guard executionSet.insert(id).inserted else { return }
            executions.append(id)
            if executions.count > 500 { executionSet.remove(executions.removeFirst()) }
        }
    }

    func note(agent: Agent) {
        lock.withLock { if !agents.contains(agent.name) { agents.append(agent.name) } }
    }

    package var agentNames: [String] { lock.withLock { agents } }
    package var executionIds: [String] { lock.withLock { executions } }
}

extension Invocation {
    /// The session's API service, or a clear error when none is configured.
    var api: APIService {
        get throws {
            guard let service: APIService = interpreter.extensionValue(APIService.key) else {
                throw error(
                    "no API is configured",
                    help: "set ASTEROID_API_KEY, or run with --sandbox to use a local sandbox")
            }
            return service
        }
    }

    /// Runs an API call, turning client errors into language errors that point at this call.
    /// A dry-run mutation prints the request it would have sent and yields nil.
    func request<T: Sendable>(_ body: () async throws(AsteroidError) -> T) async throws -> T? {
        do {
            return try await body()
        } catch {
            if error.kind == .dryRun, let dump = error.dryRunRequest {
                // On stderr: stdout carries the placeholder records the next stages read.
                interpreter.output.writeError("dry-run: would send\n\(dump.description)\n")
                return nil
            }
            throw runtimeError(error)
        }
    }

    func runtimeError(_ error: AsteroidError) -> RuntimeError {
        if error.kind == .cancelled {
            return RuntimeError(Diagnostic(DiagnosticCode.interrupted, "interrupted", span: span, source: env.source))
        }
        var details: [(String, Value)] = []
        if let status = error.status { details.append(("status", .int(status))) }
        if let operation = error.operation { details.append(("operation", .string(operation.rawValue))) }
        // A write whose effect the client could not settle: a bulk change reports it as unknown, not failed.
        if error.isOutcomeUnknown { details.append(("outcome", .string("unknown"))) }
        var help: String?
        switch error.status {
        case 401, 403: help = "check ASTEROID_API_KEY (the key is never shown)"
        case 404: help = "check the id; 'list' shows recent executions"
        default: break
        }
        if error.kind == .transport || error.kind == .timeout { help = "is the API reachable? (ASTEROID_BASE_URL)" }
        let spanArgument = error.field.flatMap { APIArgumentNames.argument(for: $0, among: argumentSpans.keys) }
        let at = spanArgument.flatMap { argumentSpans[$0] } ?? span
        return RuntimeError(
            Diagnostic(DiagnosticCode.api, error.description, span: at, help: help, source: env.source),
            details: details)
    }
}

/// Maps the API's parameter names back to the language's argument names (for error spans).
enum APIArgumentNames {
    static let languageToAPI: [String: String] = [
        "status": "status", "agent": "agentId", "workflow": "workflowId", "since": "createdAfter",
        "after": "createdAfter",
        "before": "createdBefore", "label": "humanLabels", "outcome": "outcomeLabel", "version": "workflowVersion",
        "id": "executionId", "org": "organizationId", "sort": "sort", "profile": "profileId",
        "pool": "agentProfilePoolId",
        "within": "createdWithin", "phase": "phase",
    ]

    /// Other API names an argument is sent as (the request models accept both spellings).
    static let alsoSentAs: [String: String] = ["profile": "agentProfileId", "pool": "profileGroupId"]
    /// Parameters that must come together: an error on the missing one points at the one that was given.
    static let partners: [String: String] = [
        "metadataKey": "metadataValue", "metadataValue": "metadataKey", "inputsKey": "inputsValue",
        "inputsValue": "inputsKey",
    ]

    static func matches(_ argument: String, _ field: String) -> Bool {
        argument == field || languageToAPI[argument] == field || alsoSentAs[argument] == field
            || (argument.hasPrefix("meta.") && field.hasPrefix("metadata"))
            || (argument.hasPrefix("input.") && field.hasPrefix("inputs"))
    }

    /// The argument (among those given) that produced the API parameter `field`, or its partner's argument.
    static func argument(for field: String, among arguments: some Collection<String>) -> String? {
        let sorted = arguments.sorted()
        if let exact = sorted.first(where: { matches($0, field) }) { return exact }
        guard let partner = partners[field] else { return nil }
        return sorted.first { matches($0, partner) }
    }
}
