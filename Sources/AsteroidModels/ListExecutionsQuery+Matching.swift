import Foundation

/// A filter of a `GET /executions` query that a returned execution does not meet.
package struct UnmetFilter: Sendable, Hashable, CustomStringConvertible {
    /// The API parameter(s), as sent: `metadataKey/metadataValue`, `status`, …
    package var parameter: String
    /// What was asked, e.g. `team=billing`.
    package var asked: String
    /// What the record carries, e.g. `team=ops` or `no metadata`.
    package var found: String

    package init(_ parameter: String, asked: String, found: String) {
        self.parameter = parameter
        self.asked = asked
        self.found = found
    }

    package var description: String { "\(parameter) (asked \(asked), found \(found))" }
}

extension ListExecutionsQuery {
    /// The first filter of this query that `execution` does not meet, or nil when it meets them all.
    ///
    /// A client uses this to check that a server applied every filter it was sent (a server that does
    /// not know a parameter ignores it and answers with more). Only filters whose field the record
    /// carries are checked, with the reference's semantics: exact ids (case-insensitive), partial and
    /// case-insensitive `executionId`, `outcomeLabel` and string `inputsValue`, exact metadata, and the
    /// time window to the millisecond (`createdWithin` with `skew` seconds of slack for the clocks).
    /// Not checked: `batchId` (not on the record), a non-string input value (its text form is the
    /// server's), and `workflowVersion`, profiles, script failures and trigger source when absent.
    package func unmetFilter(by e: Execution, now: Date, skew: TimeInterval = 300) -> UnmetFilter? {
        func same(_ a: String, _ b: String) -> Bool { a.caseInsensitiveCompare(b) == .orderedSame }
        func contains(_ text: String, _ part: String) -> Bool {
            part.isEmpty || text.range(of: part, options: .caseInsensitive) != nil
        }
        if let organizationId, !same(e.organizationId, organizationId) {
            return UnmetFilter("organizationId", asked: organizationId, found: e.organizationId)
        }
        if let executionId, !contains(e.id, executionId) {
            return UnmetFilter("executionId", asked: executionId, found: e.id)
        }
        for (name, id) in [("agentId", agentId), ("workflowId", workflowId)] {
            if let id, !same(e.agentId, id), !same(e.workflowId, id) {
                return UnmetFilter(name, asked: id, found: e.workflowId)
            }
        }
        let profiles = agentProfileIds + profileIds
        if !profiles.isEmpty, let profile = e.profileId ?? e.agentProfileId,
            !profiles.contains(where: { same($0, profile) })
        {
            return UnmetFilter(
                profileIds.isEmpty ? "agentProfileIds" : "profileIds", asked: profiles.joined(separator: ","),
                found: profile)
        }
        if !status.isEmpty, !status.contains(where: { $0.rawValue == e.status.rawValue }) {
            return UnmetFilter("status", asked: status.map(\.rawValue).joined(separator: ","), found: e.status.rawValue)
        }
        if !phase.isEmpty, e.status.isKnown, !phase.contains(e.status.phase) {
            return UnmetFilter(
                "phase", asked: phase.map(\.rawValue).joined(separator: ","),
                found: "\(e.status.rawValue) (\(e.status.phase.rawValue))")
        }
        if let unmet = unmetWindow(e, now: now, skew: skew) { return unmet }
        if !humanLabels.isEmpty,
            !e.humanLabels.contains(where: { label in humanLabels.contains { same($0, label.id) } })
        {
            let found = e.humanLabels.isEmpty ? "no labels" : e.humanLabels.map(\.id).joined(separator: ",")
            return UnmetFilter("humanLabels", asked: humanLabels.joined(separator: ","), found: found)
        }
        if let outcomeLabel {
            guard let outcome = e.executionResult?.outcome else {
                return UnmetFilter("outcomeLabel", asked: outcomeLabel, found: "no result")
            }
            if !contains(outcome, outcomeLabel) {
                return UnmetFilter("outcomeLabel", asked: outcomeLabel, found: outcome)
            }
        }
        if let unmet = unmetPairs(e) { return unmet }
        if let workflowVersion, let version = e.workflowVersion, version != workflowVersion {
            return UnmetFilter("workflowVersion", asked: String(workflowVersion), found: String(version))
        }
        if let hasScriptFailures, let failures = e.scriptFailures, failures.isEmpty == hasScriptFailures {
            return UnmetFilter(
                "hasScriptFailures", asked: String(hasScriptFailures), found: "\(failures.count) script failures")
        }
        if !triggerSource.isEmpty, let source = e.triggerContext?.source.rawValue, !triggerSource.contains(source) {
            return UnmetFilter("triggerSource", asked: triggerSource.joined(separator: ","), found: source)
        }
        return nil
    }

    /// `createdAfter`/`createdBefore` as sent (to the millisecond), `createdWithin` against this clock.
    func unmetWindow(_ e: Execution, now: Date, skew: TimeInterval) -> UnmetFilter? {
        guard createdAfter != nil || createdBefore != nil || createdWithin != nil else { return nil }
        var created: String { RFC3339.format(e.createdAt) }
        let at = RFC3339.millisecondPrecision(e.createdAt)
        if let createdAfter, at < RFC3339.millisecondPrecision(createdAfter) {
            return UnmetFilter("createdAfter", asked: RFC3339.format(createdAfter), found: created)
        }
        if let createdBefore, at > RFC3339.millisecondPrecision(createdBefore) {
            return UnmetFilter("createdBefore", asked: RFC3339.format(createdBefore), found: created)
        }
        if let createdWithin, let seconds = WithinDuration.seconds(createdWithin),
            e.createdAt < now.addingTimeInterval(-Double(seconds) - skew)
        {
            return UnmetFilter("createdWithin", asked: createdWithin, found: created)
        }
        return nil
    }

    /// Metadata pairs (exact) and the input pair (partial, case-insensitive, string values only).
    func unmetPairs(_ e: Execution) -> UnmetFilter? {
        let metadata = e.metadata ?? [:]
        func found(_ key: String) -> String { metadata[key].map { "\(key)=\($0)" } ?? "no \(key)" }
        if let metadataKey, let metadataValue, metadata[metadataKey] != metadataValue {
            return UnmetFilter(
                "metadataKey/metadataValue", asked: "\(metadataKey)=\(metadataValue)", found: found(metadataKey))
        }
        for pair in self.metadata {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, metadata[parts[0]] != parts[1] else { continue }
            return UnmetFilter("metadata", asked: pair, found: found(parts[0]))
        }
        if let inputsKey, let inputsValue {
            switch e.inputs?[inputsKey] {
            case nil:
                return UnmetFilter(
                    "inputsKey/inputsValue", asked: "\(inputsKey)=\(inputsValue)", found: "no \(inputsKey)")
            case .string(let text)?:
                if !inputsValue.isEmpty, text.range(of: inputsValue, options: .caseInsensitive) == nil {
                    return UnmetFilter(
                        "inputsKey/inputsValue", asked: "\(inputsKey)=\(inputsValue)", found: "\(inputsKey)=\(text)")
                }
            default: break
            }
        }
        return nil
    }
}
