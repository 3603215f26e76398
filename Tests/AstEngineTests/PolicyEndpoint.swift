// docs:begin (docs/embedding.md quotes this file from here to `docs:end`; PolicyEndpointTests checks it)
import AstEngine
import Hummingbird

/// The stored policy: of the last failed executions, which belong to the team asking. It runs read-only:
/// it can list and read executions and call the host's `owner` command, and nothing else.
let reviewPolicy = """
    let failed = (list status=failed | first 20)
    let ours = ($failed | where (owner .agentName) == $team)
    {team: $team, failed: ($failed | count), ours: ($ours | count), ids: ($ours | .id)}
    """

/// A host command: which team owns an agent (here a rule; in a service, a lookup in its own database).
let ownerCommand = HostCommand(
    "owner", summary: "the team that owns an agent",
    positionals: [HostParameter("agent", .string, "the agent's name", required: true)],
    examples: [HostExample("owner billing-agent", "the owning team")]
) { call in
    let agent = call.positional(0)?.stringValue ?? ""
    return .string(agent.first.map { $0 < "m" } == true ? "payments" : "search")
}

/// What the endpoint returns: the policy's result, decoded, and encoded again as the response's JSON.
struct PolicyResult: ResponseCodable, Equatable {
    var team: String
    var failed: Int
    var ours: Int
    var ids: [String]
}

/// `GET /policy/:team` runs the policy for a team. Each request gets its own engine (spawned on the shared
/// API connection): read-only, with a step and a time budget, and the `owner` command.
func buildPolicyApplication(engine: Engine) -> some ApplicationProtocol {
    let options = EngineOptions(
        capabilities: .readOnly, stepLimit: 100_000, timeLimit: .seconds(10), commands: [ownerCommand])
    let router = Router()
    router.get("policy/:team") { _, context -> PolicyResult in
        let run = engine.spawn(options: options)
        try run.bind("team", to: try context.parameters.require("team"))
        do {
            return try await run.evaluate(reviewPolicy, as: PolicyResult.self, name: "review.ast")
        } catch let error as ScriptError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }
    return Application(router: router)
}
// docs:end
