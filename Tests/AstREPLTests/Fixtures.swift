@testable import AstREPL

/// A vocabulary shaped like the real session's, for completion tests.
enum Fixtures {
    static let statuses = ["starting", "running", "paused", "completed", "failed", "cancelled", "queued"]

    static var source: StaticCompletionSource {
        var source = StaticCompletionSource()
        source.commandNames = [
            "list", "get", "rerun", "cancel", "execute", "where", "each", "help", "select", "sort-by",
            "open", "save", "source", "table", "count", "first", "wait", "agents", "activities",
        ]
        source.argumentsByCommand = [
            "list": ["status", "agent", "since", "sort", "limit", "label"].map { ArgumentSpec($0) },
            "rerun": [ArgumentSpec("inputs"), ArgumentSpec("profile"), ArgumentSpec("yes", kind: .flag)],
            "sort-by": [ArgumentSpec("desc", kind: .flag)],
            "each": [ArgumentSpec("p", kind: .flag), ArgumentSpec("fail-fast", kind: .flag)],
            "wait": [ArgumentSpec("timeout")],
        ]
        source.positionalByCommand = [
            "get": .executionID, "rerun": .executionID, "cancel": .executionID, "execute": .agent,
            "each": .command, "help": .command, "select": .field, "sort-by": .field,
            "open": .path, "save": .path, "source": .path,
        ]
        source.valuesByArgument = [
            "list": ["status": statuses, "sort": ["created_at:asc", "created_at:desc"], "agent": ["billing-bot"]]
        ]
        source.commandNames.append("set")
        source.positionalChoicesByCommand = [
            "set": ["": ["confirm", "dry-run", "format"], "format": ["table", "json", "jsonl"]]
        ]
        source.variableNames = ["it", "_", "env", "now", "args", "failed", "fails"]
        source.agentNames = [
            "billing-bot", "billing-audit", "ops-helper", "Onboarding Form Filler", "Price \"Pro\" Monitor",
        ]
        source.recentExecutionIDs = ["3c90c3cc-0d44-4b50-8888-8dd25736052a", "7f000001-aaaa-4bbb-8ccc-000000000001"]
        source.fieldsByUpstream = { upstream, path in
            guard upstream.hasPrefix("list") || upstream.hasPrefix("get") || upstream == "$failed" else { return [] }
            switch path {
            case []:
                return [
                    FieldCandidate("id"), FieldCandidate("status"), FieldCandidate("agentId"),
                    FieldCandidate("executionResult", isRecord: true), FieldCandidate("createdAt"),
                    FieldCandidate("inputs", isRecord: true),
                ]
            case ["executionResult"]:
                return [FieldCandidate("outcome"), FieldCandidate("reasoning"), FieldCandidate("result")]
            default:
                return []
            }
        }
        return source
    }

    static var engine: CompletionEngine {
        CompletionEngine(source: source)
    }

    /// Completes `text` with the cursor at `|` (or at the end), returning the line after Tab.
    static func tab(_ text: String) -> String {
        let (line, cursor) = split(text)
        let result = engine.complete(line: line, cursor: cursor).applied(to: line, cursor: cursor)
        var scalars = Array(result.line.unicodeScalars)
        if text.contains("|^") {
            scalars.insert("|", at: result.cursor)
            scalars.insert("^", at: result.cursor + 1)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `text` with an optional `|^` cursor marker → line and cursor in scalars.
    static func split(_ text: String) -> (String, Int) {
        guard let range = text.range(of: "|^") else { return (text, text.unicodeScalars.count) }
        let before = text[..<range.lowerBound]
        return (String(before) + String(text[range.upperBound...]), before.unicodeScalars.count)
    }

    static func candidates(_ text: String) -> [String] {
        let (line, cursor) = split(text)
        return engine.complete(line: line, cursor: cursor).candidates.map(\.display)
    }
}
