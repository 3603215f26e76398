import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels
import Foundation

/// `list [filters]`: executions, newest first, as a lazy stream across pages.
struct ListCommand: Command {
    let signature = Signature(
        "list", "list executions (a lazy stream across pages)", category: "api",
        named: [
            ParamSpec(
                "status", .string, "one status, a comma list or a list", choices: ExecutionStatus.knownRawValues,
                commaList: true),
            ParamSpec("agent", .string, "agent id (or exact agent name)"),
            ParamSpec("workflow", .string, "workflow id (or exact workflow name)"),
            ParamSpec("since", .timeOrDuration, "created within this long before now (24h), or since a time (today)"),
            ParamSpec(
                "after", .timeOrDuration,
                "created after this time (2026-12-01T10:00, yesterday, or 2h: that long ago)"),
            ParamSpec("before", .timeOrDuration, "created before this time (or 1h: an hour ago)"),
            ParamSpec("label", .string, "human label id(s): a comma list or a list", commaList: true),
            ParamSpec("outcome", .string, "partial match on the result's outcome"),
            ParamSpec("version", .int, "workflow version"),
            ParamSpec("id", .string, "partial execution id"),
            ParamSpec("org", .string, "organization id"),
            ParamSpec("sort", .string, "field:direction, e.g. created_at:desc"),
            ParamSpec(
                "phase", .string, "pending, active or terminal (a comma list or a list)",
                choices: ExecutionPhase.knownRawValues, commaList: true),
            ParamSpec("limit", .int, "stop after N executions"),
        ]
            + ListExecutionsQuery.parameterNames.filter { !["status", "sort", "phase"].contains($0) }.map {
                // An array parameter takes a comma list or a list (`triggerSource=[api, ui]`), sent as repeated keys.
                ListExecutionsQuery.commaListParameters.contains($0)
                    ? ParamSpec($0, .string, "the API's own query parameter (a comma list or a list)", commaList: true)
                    : ParamSpec($0, .any, "the API's own query parameter")
            },
        namedPrefixes: ["meta.", "input."],
        outputSchema: "execution",
        examples: [
            Example("list status=failed since=24h", "yesterday's failures"),
            Example(
                "list agent=3c90c3cc-0d44-4b50-8888-8dd25736052a status=failed,cancelled | count",
                "how many failed or cancelled"),
            Example("list meta.customer=acme sort=created_at:asc limit=10", "oldest ten for one customer"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        let api = try call.api
        let query = try await Self.query(from: call, api: api)
        return try Self.stream(query, own: query, pushed: nil, call: call, api: api)
    }

    /// The executions of `query` as a lazy stream across pages. `own`: the query of the list's arguments;
    /// `pushed`: the filters the planner added to it (each item is re-checked against both).
    static func stream(
        _ query: ListExecutionsQuery, own: ListExecutionsQuery, pushed: ListExecutionsQuery?, call: Invocation,
        api: APIService
    ) throws -> Value {
        var query = query
        let limit = call.named["limit"]?.intValue
        if let limit, limit < 0 { throw call.error("limit must be 0 or more", argument: "limit") }
        if let limit { query.pageSize = min(max(limit, 1), 100) }
        let invocation = call
        let baseQuery = query
        // Inside a statement that may change executions, an item the server should have filtered out
        // stops the pipeline (before any change: a bulk change reads its targets first); otherwise it
        // is dropped with one warning.
        let strict = MutationContext.statementMutates
        let stream = ValueStream(elementSchema: APISchemas.execution) {
            let snapshot = Self.snapshot(baseQuery, pushed: pushed, now: invocation.now)
            // Past the first page, two pages are fetched ahead (in parallel with reading): most listings
            // that go on past one page read to the end. Never past the page a limit stops on.
            let pageSize = snapshot.pageSize ?? PagedSequence<Execution>.defaultPageSize
            let lastNeeded = limit.flatMap {
                Self.lastPage(limit: $0, pageSize: pageSize, firstPage: snapshot.page ?? 1)
            }
            // Not in a statement that changes executions: there pages are read strictly one after another.
            // Paging is by offset, and executions can join the listing while it is read (a run that fails
            // joins `status=failed` at the top): in order, that only repeats an item (skipped by id); pages
            // fetched in parallel, one of them retried after a fault, left a gap, and a failed execution
            // went without its rerun (scripts/reliability, kill -9 round, 1 of 287).
            let pages = api.client.listExecutions(snapshot)
            var iterator = (strict ? pages : pages.readingAhead(2, through: lastNeeded)).makeAsyncIterator()
            let check = ListFilterCheck(
                query: Self.snapshot(own, pushed: nil, now: invocation.now), strict: strict, call: invocation)
            // The planner's filters: an item that misses one is left out (the `where` would drop it too).
            let pushedCheck = pushed.map { ListFilterCheck(query: $0, strict: false, call: invocation, pushed: true) }
            var seen: Set<String> = []
            var produced = 0
            return ValueIterator {
                while true {
                    if let limit, produced >= limit { return nil }
                    let next: Execution?
                    do { next = try await iterator.next() } catch let error as AsteroidError {
                        throw invocation.runtimeError(error)
                    }
                    guard let execution = next else { return nil }
                    guard seen.insert(execution.id).inserted else { continue }
                    guard try check.admits(execution) else { continue }
                    if let pushedCheck, !(try pushedCheck.admits(execution)) { continue }
                    produced += 1
                    api.seen.note(execution: execution)
                    return APIValues.value(execution)
                }
            }
        }
        return .stream(stream)
    }

    /// The query as sent: executions created while this list is being read (e.g. by its own reruns) are
    /// not in it (`createdBefore` = the statement's start, or the pushed bound when earlier).
    static func snapshot(_ query: ListExecutionsQuery, pushed: ListExecutionsQuery?, now: Date) -> ListExecutionsQuery {
        var snapshot = query
        if snapshot.createdBefore == nil {
            snapshot.createdBefore = now
        } else if pushed?.createdBefore != nil, let before = snapshot.createdBefore {
            snapshot.createdBefore = min(before, now)
        }
        return snapshot
    }

    /// Builds the query from the arguments; the API's own names pass through.
    static func query(from call: Invocation, api: APIService) async throws -> ListExecutionsQuery {
        var items: [(name: String, value: String)] = []
        func text(_ value: Value) -> String {
            if case .time(let date) = value { return RFC3339.format(date) }
            return value.text
        }
        let window = try TimeWindow.resolve(call)
        if let after = window.after { items.append(("createdAfter", RFC3339.format(after))) }
        if let before = window.before { items.append(("createdBefore", RFC3339.format(before))) }
        var inputPairs: [(String, String)] = []
        var metaPairs: [(String, String)] = []
        for (name, value) in call.named.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "status", "phase", "label":
                let api = name == "label" ? "humanLabels" : name
                for part in text(value).split(separator: ",") { items.append((api, String(part))) }
            case "agent":
                items.append(
                    ("agentId", try await AgentResolver.agentId(text(value), call: call, api: api, argument: name)))
            case "workflow":
                items.append(
                    ("workflowId", try await AgentResolver.agentId(text(value), call: call, api: api, argument: name)))
            case "since", "after", "before": continue  // TimeWindow
            case "outcome": items.append(("outcomeLabel", text(value)))
            case "version": items.append(("workflowVersion", text(value)))
            case "id": items.append(("executionId", text(value)))
            case "org": items.append(("organizationId", text(value)))
            case "sort": items.append(("sort", text(value)))
            case "limit": continue
            case _ where name.hasPrefix("meta."): metaPairs.append((String(name.dropFirst(5)), text(value)))
            case _ where name.hasPrefix("input."): inputPairs.append((String(name.dropFirst(6)), text(value)))
            default: items.append((name, call.writtenDuration(name) ?? text(value)))
            }
        }
        if inputPairs.count > 1 {
            throw call.error(
                "the API filters on one input at a time; "
                    + "got \(inputPairs.map { "input.\($0.0)" }.joined(separator: ", "))",
                argument: "input.\(inputPairs[1].0)", help: "filter the rest with: where .inputs.KEY == VALUE")
        }
        // One pair goes as the seed-era metadataKey/metadataValue every server knows; the pair can say
        // only one, so two or more go as the newer repeated metadata=K=V (each item is re-checked anyway).
        if metaPairs.count == 1, let (key, value) = metaPairs.first,
            !items.contains(where: { $0.name == "metadataKey" })
        {
            items.append(("metadataKey", key))
            items.append(("metadataValue", value))
        } else {
            items += metaPairs.map { ("metadata", "\($0.0)=\($0.1)") }
        }
        if let (key, value) = inputPairs.first {
            items.append(("inputsKey", key))
            items.append(("inputsValue", value))
        }
        let query: ListExecutionsQuery
        do {
            query = try ListExecutionsQuery(queryItems: ListExecutionsQuery.splittingCommaLists(items))
            try query.validate()
        } catch {
            let argument = APIArgumentNames.argument(for: error.parameter, among: call.argumentSpans.keys)
            throw call.error("list: \(error.description)", argument: argument)
        }
        return query
    }
}

extension ListCommand {
    /// The last page a limit needs (`nil`: no bound the arithmetic can hold, read on as needed).
    static func lastPage(limit: Int, pageSize: Int, firstPage: Int) -> Int? {
        guard pageSize > 0 else { return nil }
        let pages = limit <= 0 ? 1 : (limit - 1) / pageSize + 1
        let (last, overflow) = firstPage.addingReportingOverflow(pages - 1)
        return overflow ? nil : last
    }
}

/// Agent ids from names (`agent=billing-bot`), looked up once per call.
enum AgentResolver {
    static func agentId(_ text: String, call: Invocation, api: APIService, argument: String) async throws -> String {
        if UUIDFormat.isValid(text) { return text }
        var names: [String] = []
        let agents: [Agent]
        do { agents = try await api.client.listAgents(ListAgentsQuery(searchName: text)).collect(limit: 200) } catch {
            throw call.runtimeError(error)
        }
        for agent in agents {
            api.seen.note(agent: agent)
            names.append(agent.name)
            if agent.name.caseInsensitiveCompare(text) == .orderedSame { return agent.id }
        }
        if let all = try? await api.client.listAgents().collect(limit: 500) {
            names = all.map(\.name)
        }
        // A workflow is the newer name of an agent: the message uses the word the user typed.
        let (noun, article) = argument == "workflow" ? ("workflow", "a") : ("agent", "an")
        throw call.error(
            "no \(noun) is named '\(text)'", argument: argument,
            help: Suggest.help(for: text, in: names) ?? "'\(noun)s' lists them; \(article) \(noun) id is a UUID")
    }
}
