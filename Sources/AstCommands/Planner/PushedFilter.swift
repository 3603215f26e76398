import AsteroidModels
import Foundation

/// One conjunct of a `where` the API can answer, as a `GET /executions` filter.
///
/// `exact`: the API's answer is the language's (`status`, millisecond-aligned `createdAt` bounds, metadata);
/// a loose filter (partial, case-insensitive: ids, outcome, inputs) only narrows the pages. Either way
/// the `where` still runs on every item that comes back.
struct PushedFilter: Sendable {
    enum Kind: Sendable {
        /// Any of these statuses.
        case status(Set<String>)
        case createdAfter(Date)
        case createdBefore(Date)
        /// `agentId` or `workflowId`.
        case workflow(parameter: String, id: String)
        case metadata(key: String, value: String)
        case input(key: String, value: String)
        case outcome(String)
        case version(Int)
        case executionId(String)
    }

    var kind: Kind
    var exact: Bool
    /// The conjunct as written (for `explain`).
    var source: String

    /// Adds this filter to a query without widening it; nil when it cannot (the parameter is taken by a
    /// narrower one: `list status=failed | where .status != "failed"`), with the reason.
    func merge(into query: inout ListExecutionsQuery) -> String? {
        switch kind {
        case .status(let allowed):
            if query.status.isEmpty {
                query.status = ExecutionStatus.allKnown.filter { allowed.contains($0.rawValue) }
                return nil
            }
            let kept = query.status.filter { allowed.contains($0.rawValue) }
            guard !kept.isEmpty else { return "no status passes both this and the list's status=" }
            query.status = kept
        case .createdAfter(let date):
            if query.createdWithin != nil { return "the list already sends createdWithin" }
            query.createdAfter = max(query.createdAfter ?? date, date)
        case .createdBefore(let date):
            query.createdBefore = min(query.createdBefore ?? date, date)
        case .workflow(let parameter, let id):
            if query.agentId != nil || query.workflowId != nil { return "the list already filters by workflow" }
            if parameter == "agentId" { query.agentId = id } else { query.workflowId = id }
        case .metadata(let key, let value):
            if query.metadataKey == nil, query.metadata.isEmpty {
                query.metadataKey = key
                query.metadataValue = value
            } else {
                query.metadata.append("\(key)=\(value)")
            }
        case .input(let key, let value):
            if query.inputsKey != nil { return "the API filters on one input at a time" }
            query.inputsKey = key
            query.inputsValue = value
        case .outcome(let text):
            if query.outcomeLabel != nil { return "the list already sends outcomeLabel" }
            query.outcomeLabel = text
        case .version(let version):
            if query.workflowVersion != nil { return "the list already sends workflowVersion" }
            query.workflowVersion = version
        case .executionId(let id):
            if query.executionId != nil { return "the list already sends executionId" }
            query.executionId = id
        }
        return nil
    }
}
