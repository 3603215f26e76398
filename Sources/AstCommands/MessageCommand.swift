import AstRuntime
import AsteroidClient
import AsteroidModels

/// `message [ID] TEXT`: sends a user message to running executions.
struct MessageCommand: Command {
    let signature = Signature(
        "message", "send a user message to a running execution", category: "api",
        positionals: [
            ParamSpec("id", .any, "an execution id or record (or pipe executions in)"),
            ParamSpec("text", .string, "the message"),
        ],
        isMutating: true,
        examples: [Example("get 3c90c3cc-0d44-4b50-8888-8dd25736052a | message \"use the EU portal\"", "nudge a run")])

    func run(_ call: Invocation) async throws -> Value {
        let client = try call.api.writer(call)
        let text: String
        var idCall = call
        if call.positionals.count >= 2 {
            text = call.positionals[1].text
        } else if let only = call.positional(0) {
            text = only.text
            idCall.positionals = []
        } else {
            throw call.error("message needs the TEXT to send")
        }
        guard !text.isEmpty else { throw call.error("the message is empty") }
        let targets = try await idCall.mutationTargets(verb: "message")
        return try await idCall.bulkChange(verb: "message", targets: targets) { target in
            let fields: [(String, Value)] = [("executionId", .string(target.id)), ("message", .string(text))]
            guard
                let reply = try await call.mutation({ () throws(AsteroidError) in
                    try await client.addUserMessage(target.id, message: text)
                })
            else { return DryRunPlaceholder.change(fields) }
            return .record(Record(fields + [("response", .string(reply))]))
        }
    }
}
