import AstRuntime
import AstSyntax
import AsteroidClient
import AsteroidModels

extension Invocation {
    /// An explicit ID argument as the user wrote it: `get 03459427` is an id prefix, not the number
    /// 3459427 (a bare number, duration or date bound to an `any` parameter is typed as one).
    func writtenTarget(_ value: Value, argument index: Int) -> Value {
        switch value {
        case .int, .float, .duration, .time:
            guard let span = argumentSpans["#\(index)"] else { return value }
            return .string(env.source.text(of: span))
        default:
            return value
        }
    }

    /// A full execution id as it is (no request); an id prefix (`0345`, `3c90c3cc-0d4`) resolved through
    /// the list endpoint's partial `executionId` filter: one match is that id, several are an error
    /// listing them, none is not found. Anything else passes through for the API to judge.
    func resolveIdPrefix(_ text: String, argument: String?) async throws -> String {
        guard IdPrefix.isCandidate(text) else { return text }
        let api = try self.api
        var query = ListExecutionsQuery()
        query.executionId = text
        query.pageSize = 100
        let client = api.client
        let limit = IdPrefix.scanLimit
        guard
            let found = try await request({ () throws(AsteroidError) in
                try await client.listExecutions(query).collect(limit: limit)
            })
        else { return text }
        let matches = found.filter { $0.id.lowercased().hasPrefix(text.lowercased()) }
        for execution in matches { api.seen.note(execution: execution) }
        if matches.count == 1, let only = matches.first { return only.id }
        if matches.isEmpty {
            if found.count >= limit {
                throw error(
                    "'\(text)' is too short an id prefix to look up", argument: argument, help: "give more of the id")
            }
            throw error(
                "no execution id starts with '\(text)'", argument: argument,
                help: "'list' shows recent executions; list id=\(text) matches it anywhere in the id")
        }
        let shown = matches.prefix(IdPrefix.shownCandidates).map {
            "  \($0.id)  \($0.status.rawValue)  \($0.agentName)"
        }
        let more = matches.count > shown.count || found.count >= limit ? "\n  …" : ""
        throw error(
            "'\(text)' matches \(matches.count)\(found.count >= limit ? "+" : "") "
                + "executions:\n\(shown.joined(separator: "\n"))\(more)",
            argument: argument, help: "give more of the id")
    }
}

/// What counts as an id prefix: hex digits and dashes, shorter than a full UUID.
enum IdPrefix {
    /// Listing stops here: a prefix matching more is too short to be useful.
    static let scanLimit = 1000
    static let shownCandidates = 10

    static func isCandidate(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count < 36, !UUIDFormat.isValid(text) else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
                || byte == UInt8(ascii: "-")
        } && text.utf8.contains { $0 != UInt8(ascii: "-") }
    }
}
