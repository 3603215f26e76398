import Foundation

/// Every query parameter of `GET /executions` (reference §3.1 E1), seed-era and newest.
///
/// One type serves both sides: the client turns it into query items (arrays as repeated keys), the
/// sandbox parses query items back into it, and both call `validate()`.
public struct ListExecutionsQuery: Sendable, Hashable {
    public var organizationId: String?
    /// 1…100 here (the API documents no maximum; clients cap it). Default 10.
    public var pageSize: Int?
    /// 1-based. Default 1.
    public var page: Int?
    /// Partial, case-insensitive match on the execution id.
    public var executionId: String?
    /// Deprecated in favour of `workflowId`.
    public var agentId: String?
    public var workflowId: String?
    public var agentProfileIds: [String] = []
    public var profileIds: [String] = []
    /// OR-combined.
    public var status: [ExecutionStatus] = []
    public var phase: [ExecutionPhase] = []
    public var createdAfter: Date?
    public var createdBefore: Date?
    /// `30m`, `7d`, `1d12h`; not with `createdAfter`.
    public var createdWithin: String?
    /// Label ids, OR-combined.
    public var humanLabels: [String] = []
    /// Partial, case-insensitive match on `executionResult.outcome`.
    public var outcomeLabel: String?
    public var metadataKey: String?
    public var metadataValue: String?
    /// `key=value` pairs, all of which must match.
    public var metadata: [String] = []
    public var inputsKey: String?
    /// Partial, case-insensitive.
    public var inputsValue: String?
    public var workflowVersion: Int?
    public var hasScriptFailures: Bool?
    public var triggerSource: [String] = []
    public var batchId: String?
    public var sortField: ExecutionSortField?
    public var sortDirection: SortDirection?
    /// `field:direction`; not with `sortField`/`sortDirection`.
    public var sort: String?

    public init() {}

    /// The largest page accepted: past it, page arithmetic (`page + 1`, `(page - 1) × pageSize`) could
    /// overflow, and no listing is that long.
    public static let maxPage = Int(Int32.max)

    public static let parameterNames: [String] = [
        "organizationId", "pageSize", "page", "executionId", "agentId", "workflowId", "agentProfileIds",
        "profileIds", "status", "phase", "createdAfter", "createdBefore", "createdWithin", "humanLabels",
        "outcomeLabel", "metadataKey", "metadataValue", "metadata", "inputsKey", "inputsValue", "workflowVersion",
        "hasScriptFailures", "triggerSource", "batchId", "sortField", "sortDirection", "sort",
    ]

    /// The array parameters whose values can never contain a comma (ids and enum words): a user's
    /// `triggerSource=api,ui` means two values, sent as repeated keys like the SDK does.
    public static let commaListParameters: Set<String> = [
        "agentProfileIds", "profileIds", "status", "phase", "humanLabels", "triggerSource",
    ]

    /// `items` with each comma list of a `commaListParameters` name split into repeated keys (empty
    /// parts dropped). Other values, `metadata=k=a,b` among them, pass as written.
    public static func splittingCommaLists(_ items: [(name: String, value: String)]) -> [(name: String, value: String)]
    {
        items.flatMap { item -> [(name: String, value: String)] in
            guard commaListParameters.contains(item.name), item.value.contains(",") else { return [item] }
            return item.value.split(separator: ",").map { (item.name, $0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// The query items to send, in a stable order; arrays become repeated keys.
    public func queryItems() -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        func add(_ name: String, _ value: String?) { if let value { items.append((name, value)) } }
        add("organizationId", organizationId)
        add("pageSize", pageSize.map(String.init))
        add("page", page.map(String.init))
        add("executionId", executionId)
        add("agentId", agentId)
        add("workflowId", workflowId)
        agentProfileIds.forEach { add("agentProfileIds", $0) }
        profileIds.forEach { add("profileIds", $0) }
        status.forEach { add("status", $0.rawValue) }
        phase.forEach { add("phase", $0.rawValue) }
        add("createdAfter", createdAfter.map(RFC3339.format))
        add("createdBefore", createdBefore.map(RFC3339.format))
        add("createdWithin", createdWithin)
        humanLabels.forEach { add("humanLabels", $0) }
        add("outcomeLabel", outcomeLabel)
        add("metadataKey", metadataKey)
        add("metadataValue", metadataValue)
        metadata.forEach { add("metadata", $0) }
        add("inputsKey", inputsKey)
        add("inputsValue", inputsValue)
        add("workflowVersion", workflowVersion.map(String.init))
        add("hasScriptFailures", hasScriptFailures.map { $0 ? "true" : "false" })
        triggerSource.forEach { add("triggerSource", $0) }
        add("batchId", batchId)
        add("sortField", sortField?.rawValue)
        add("sortDirection", sortDirection?.rawValue)
        add("sort", sort)
        return items
    }

    /// Parses query items as a server does. Unknown parameters are ignored; malformed values throw,
    /// naming the parameter. Call `validate()` afterwards for the cross-field rules.
    public init(queryItems: [(name: String, value: String)]) throws(RequestValidationError) {
        self.init()
        func int(_ name: String, _ value: String) throws(RequestValidationError) -> Int {
            guard let number = Int(value) else { throw RequestValidationError(name, "\"\(value)\" is not an integer") }
            return number
        }
        func date(_ name: String, _ value: String) throws(RequestValidationError) -> Date {
            guard let parsed = RFC3339.parse(value) else {
                throw RequestValidationError(name, "\"\(value)\" is not an RFC 3339 date-time")
            }
            return parsed
        }
        for (name, value) in queryItems {
            switch name {
            case "organizationId": organizationId = value
            case "pageSize": pageSize = try int(name, value)
            case "page": page = try int(name, value)
            case "executionId": executionId = value
            case "agentId": agentId = value
            case "workflowId": workflowId = value
            case "agentProfileIds": agentProfileIds.append(value)
            case "profileIds": profileIds.append(value)
            case "status": status.append(ExecutionStatus(rawValue: value))
            case "phase": phase.append(ExecutionPhase(rawValue: value))
            case "createdAfter": createdAfter = try date(name, value)
            case "createdBefore": createdBefore = try date(name, value)
            case "createdWithin": createdWithin = value
            case "humanLabels": humanLabels.append(value)
            case "outcomeLabel": outcomeLabel = value
            case "metadataKey": metadataKey = value
            case "metadataValue": metadataValue = value
            case "metadata": metadata.append(value)
            case "inputsKey": inputsKey = value
            case "inputsValue": inputsValue = value
            case "workflowVersion": workflowVersion = try int(name, value)
            case "hasScriptFailures":
                guard value == "true" || value == "false" else {
                    throw RequestValidationError(name, "\"\(value)\" is not true or false")
                }
                hasScriptFailures = value == "true"
            case "triggerSource": triggerSource.append(value)
            case "batchId": batchId = value
            case "sortField": sortField = ExecutionSortField(rawValue: value)
            case "sortDirection": sortDirection = SortDirection(rawValue: value)
            case "sort": sort = value
            default: continue
            }
        }
    }

    /// The documented rules; the error names the parameter at fault.
    public func validate() throws(RequestValidationError) {
        try UUIDFormat.check(organizationId, "organizationId")
        try UUIDFormat.check(agentId, "agentId")
        try UUIDFormat.check(workflowId, "workflowId")
        for id in agentProfileIds { try UUIDFormat.check(id, "agentProfileIds") }
        for id in profileIds { try UUIDFormat.check(id, "profileIds") }
        for id in humanLabels { try UUIDFormat.check(id, "humanLabels") }
        if let pageSize, !(1...100).contains(pageSize) {
            throw RequestValidationError("pageSize", "must be between 1 and 100, got \(pageSize)")
        }
        if let page, page < 1 {
            throw RequestValidationError("page", "must be 1 or more (pages are 1-based), got \(page)")
        }
        if let page, page > Self.maxPage {
            throw RequestValidationError("page", "must be at most \(Self.maxPage), got \(page)")
        }
        for value in status where !value.isKnown {
            throw RequestValidationError(
                "status",
                "unknown status \"\(value.rawValue)\"; expected one "
                    + "of \(ExecutionStatus.knownRawValues.joined(separator: ", "))"
            )
        }
        for value in phase where !value.isKnown {
            throw RequestValidationError(
                "phase",
                "unknown phase \"\(value.rawValue)\"; expected one "
                    + "of \(ExecutionPhase.knownRawValues.joined(separator: ", "))"
            )
        }
        if createdAfter != nil, createdWithin != nil {
            throw RequestValidationError("createdWithin", "createdWithin cannot be combined with createdAfter")
        }
        if let createdWithin, WithinDuration.seconds(createdWithin) == nil {
            throw RequestValidationError(
                "createdWithin",
                "\"\(createdWithin)\" is not number–unit pairs (w d h m, largest first, at most 10 years)")
        }
        if (metadataKey == nil) != (metadataValue == nil) {
            throw RequestValidationError(
                metadataKey == nil ? "metadataKey" : "metadataValue",
                "metadataKey and metadataValue must be sent together")
        }
        if (inputsKey == nil) != (inputsValue == nil) {
            throw RequestValidationError(
                inputsKey == nil ? "inputsKey" : "inputsValue", "inputsKey and inputsValue must be sent together")
        }
        for pair in metadata where !pair.contains("=") || pair.hasPrefix("=") {
            throw RequestValidationError("metadata", "\"\(pair)\" is not key=value")
        }
        if let sortField, !sortField.isKnown {
            throw RequestValidationError(
                "sortField",
                "unknown sort field \"\(sortField.rawValue)\"; expected one "
                    + "of \(ExecutionSortField.knownRawValues.joined(separator: ", "))"
            )
        }
        if let sortDirection, !sortDirection.isKnown {
            throw RequestValidationError("sortDirection", "must be asc or desc, got \"\(sortDirection.rawValue)\"")
        }
        if let sort {
            if sortField != nil || sortDirection != nil {
                throw RequestValidationError("sort", "sort cannot be combined with sortField or sortDirection")
            }
            let parts = sort.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, ExecutionSortField(knownRawValue: parts[0]) != nil,
                SortDirection(knownRawValue: parts[1]) != nil
            else {
                throw RequestValidationError("sort", "\"\(sort)\" is not field:direction (e.g. created_at:desc)")
            }
        }
        if let workflowVersion, workflowVersion < 1 {
            throw RequestValidationError("workflowVersion", "must be 1 or more, got \(workflowVersion)")
        }
    }

    /// The effective sort after `sort`, `sortField` and `sortDirection` (default `created_at` descending).
    public var effectiveSort: (field: ExecutionSortField, direction: SortDirection) {
        if let sort {
            let parts = sort.split(separator: ":").map(String.init)
            if parts.count == 2 { return (ExecutionSortField(rawValue: parts[0]), SortDirection(rawValue: parts[1])) }
        }
        return (sortField ?? .createdAt, sortDirection ?? .desc)
    }
}

/// Query of `GET /agents`.
public struct ListAgentsQuery: Sendable, Hashable {
    public var organizationId: String?
    public var pageSize: Int?
    public var page: Int?
    /// Case-insensitive substring of the name.
    public var searchName: String?
    public var sortField: AgentSortField?
    public var sortDirection: SortDirection?

    public init(
        organizationId: String? = nil, pageSize: Int? = nil, page: Int? = nil, searchName: String? = nil,
        sortField: AgentSortField? = nil, sortDirection: SortDirection? = nil
    ) {
        self.organizationId = organizationId
        self.pageSize = pageSize
        self.page = page
        self.searchName = searchName
        self.sortField = sortField
        self.sortDirection = sortDirection
    }

    public func queryItems() -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let organizationId { items.append(("organizationId", organizationId)) }
        if let pageSize { items.append(("pageSize", String(pageSize))) }
        if let page { items.append(("page", String(page))) }
        if let searchName { items.append(("searchName", searchName)) }
        if let sortField { items.append(("sortField", sortField.rawValue)) }
        if let sortDirection { items.append(("sortDirection", sortDirection.rawValue)) }
        return items
    }

    public func validate() throws(RequestValidationError) {
        try UUIDFormat.check(organizationId, "organizationId")
        if let pageSize, !(1...100).contains(pageSize) {
            throw RequestValidationError("pageSize", "must be between 1 and 100, got \(pageSize)")
        }
        if let page, page < 1 { throw RequestValidationError("page", "must be 1 or more, got \(page)") }
        if let page, page > ListExecutionsQuery.maxPage {
            throw RequestValidationError("page", "must be at most \(ListExecutionsQuery.maxPage), got \(page)")
        }
        if let sortField, !sortField.isKnown {
            throw RequestValidationError("sortField", "must be name or created_at, got \"\(sortField.rawValue)\"")
        }
        if let sortDirection, !sortDirection.isKnown {
            throw RequestValidationError("sortDirection", "must be asc or desc, got \"\(sortDirection.rawValue)\"")
        }
    }
}

/// Query of `GET /executions/{id}/activities`.
public struct ActivitiesQuery: Sendable, Hashable {
    public var order: SortDirection?
    public var limit: Int?

    public init(order: SortDirection? = nil, limit: Int? = nil) {
        self.order = order
        self.limit = limit
    }

    public func queryItems() -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let order { items.append(("order", order.rawValue)) }
        if let limit { items.append(("limit", String(limit))) }
        return items
    }

    public func validate() throws(RequestValidationError) {
        if let order, !order.isKnown {
            throw RequestValidationError("order", "must be asc or desc, got \"\(order.rawValue)\"")
        }
        if let limit, limit < 1 { throw RequestValidationError("limit", "must be 1 or more, got \(limit)") }
    }
}
