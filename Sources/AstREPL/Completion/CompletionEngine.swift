import Foundation

/// Tab completion over a `CompletionSource`: pure Swift, so every cursor position is unit-tested.
///
/// Offers, by position: command names and keywords where a stage starts; `$variables`; field
/// paths after `.` from the schema of what flows in; `name=` and `--flags` of the command under
/// the cursor; values after `name=` (enum values, agents, ids; after a `,` too); and the
/// command's positional kind (commands after `each`/`help`, ids, agents, fields, file paths).
package struct CompletionEngine: Sendable {
    package let source: any CompletionSource
    package let paths: PathCompleter

    package init(source: any CompletionSource, paths: PathCompleter = PathCompleter()) {
        self.source = source
        self.paths = paths
    }

    /// Completes `line` at `cursor` (counted in Unicode scalars).
    package func complete(line: String, cursor: Int) -> Completion {
        let context = CompletionContext(line: line, cursor: cursor)
        let empty = Completion(start: context.partialStart, partial: context.partial, candidates: [])
        if context.inComment { return empty }
        var words = context.words
        rebaseOnInnerCommand(&words)
        let partial = context.partial
        let command = words.first
        let kind = command.map { source.positionalKind(of: $0) } ?? PositionalKind.none

        // A quoted word: a file path, or a quoted value (an agent name with spaces).
        if let quote = partial.unicodeScalars.first, quote == "\"" || quote == "'" {
            guard !words.isEmpty else { return empty }
            if kind == .path {
                return shifted(
                    paths.complete(String(partial.dropFirst()), closingQuote: String(quote)), by: 1, in: context)
            }
            let values = positional(kind, partial: partial, upstream: context.upstream, context: context)
            return make(values, partial: partial, context: context)
        }
        if kind == .path, !words.isEmpty, !partial.contains("=") {
            return shifted(paths.complete(partial, closingQuote: nil), by: 0, in: context)
        }

        // `$var`, `$var.field`, `.field.sub` — the trailing path-like token of the word.
        let token = Self.trailingPathToken(partial)
        let tokenOffset = partial.unicodeScalars.count - token.unicodeScalars.count
        if token.hasPrefix("$") {
            return shifted(variableOrField(token, upstream: context.upstream), by: tokenOffset, in: context)
        }
        if token.hasPrefix(".") {
            return shifted(fieldPath(token, upstream: context.upstream), by: tokenOffset, in: context)
        }

        guard let command else {
            let names = (source.commandNames + source.keywords).sorted()
            return make(names.map { Completion.Candidate($0) }, partial: partial, context: context)
        }
        if partial.hasPrefix("-") {
            let flags = source.arguments(of: command).filter { $0.kind == .flag }.map { "--" + $0.name }
            return make(flags.map { Completion.Candidate($0) }, partial: partial, context: context)
        }
        if let equals = partial.firstIndex(of: "="), Self.isArgumentName(partial[..<equals]) {
            return argumentValue(command: command, word: partial, equals: equals, context: context)
        }
        var candidates = positional(kind, partial: partial, upstream: context.upstream, context: context)
        let typedPositionals = words.dropFirst().filter { !$0.hasPrefix("-") && !$0.contains("=") }
        candidates += source.positionalChoices(of: command, after: Array(typedPositionals)).map(Self.valueCandidate)
        if !partial.contains(".") {
            let named = source.arguments(of: command).filter { $0.kind == .named }
            candidates += named.map { Completion.Candidate($0.name + "=", suffix: "") }
        }
        return make(candidates, partial: partial, context: context)
    }

    // MARK: positions

    /// `each -p 4 rerun st…` completes for `rerun`: skip to the last command named after one whose
    /// positional argument is a command.
    func rebaseOnInnerCommand(_ words: inout [String]) {
        var index = 0
        while index < words.count, source.positionalKind(of: words[index]) == .command {
            guard let next = words[(index + 1)...].firstIndex(where: { source.commandNames.contains($0) }) else {
                return
            }
            index = next
        }
        if index > 0 { words.removeFirst(index) }
    }

    func positional(_ kind: PositionalKind, partial: String, upstream: String, context: CompletionContext)
        -> [Completion.Candidate]
    {
        switch kind {
        case .none, .path: return []
        case .command: return source.commandNames.sorted().map { Completion.Candidate($0) }
        case .executionID: return source.recentExecutionIDs.map(Self.valueCandidate)
        case .agent: return source.agentNames.sorted().map(Self.valueCandidate)
        case .field:
            // A bare field path: `executionResult.out` completes below `executionResult`.
            var components = partial.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard components.count > 1 else { return fieldCandidates(upstream: upstream, path: []) }
            components.removeLast()
            let head = components.joined(separator: ".") + "."
            return fieldCandidates(upstream: upstream, path: components).map {
                Completion.Candidate(head + $0.text, suffix: $0.suffix)
            }
        }
    }

    func argumentValue(command: String, word: String, equals: String.Index, context: CompletionContext)
        -> Completion
    {
        let name = String(word[..<equals])
        var valuePart = word[word.index(after: equals)...]
        if let comma = valuePart.lastIndex(of: ",") {
            valuePart = valuePart[valuePart.index(after: comma)...]
        }
        let value = String(valuePart)
        let offset = word.unicodeScalars.count - value.unicodeScalars.count
        let candidates = source.values(of: command, argument: name).map(Self.valueCandidate)
        let start = context.partialStart + offset
        return Completion(start: start, partial: value, candidates: Self.filter(candidates, by: value))
    }

    func variableOrField(_ token: String, upstream: String) -> Completion {
        guard let dot = token.firstIndex(of: ".") else {
            let names = source.variableNames.sorted().map { Completion.Candidate("$" + $0) }
            return Completion(start: 0, partial: token, candidates: Self.filter(names, by: token))
        }
        let variable = String(token[..<dot])
        let flowing = variable == "$it" ? upstream : variable
        let rest = fieldPath(String(token[dot...]), upstream: flowing)
        return Completion(
            start: rest.start + variable.unicodeScalars.count, partial: rest.partial, candidates: rest.candidates)
    }

    /// `.a.b.pa` → fields below `a.b` starting with `pa`; `start` is relative to the token.
    func fieldPath(_ token: String, upstream: String) -> Completion {
        var components = token.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map {
            $0.hasSuffix("?") ? String($0.dropLast()) : String($0)
        }
        components.removeLast()
        let partial = String(token.split(separator: ".", omittingEmptySubsequences: false).last ?? "")
        let start = token.unicodeScalars.count - partial.unicodeScalars.count
        let candidates = fieldCandidates(upstream: upstream, path: components)
        return Completion(start: start, partial: partial, candidates: Self.filter(candidates, by: partial))
    }

    func fieldCandidates(upstream: String, path: [String]) -> [Completion.Candidate] {
        source.fields(flowingFrom: upstream, path: path).map {
            Completion.Candidate($0.name, suffix: $0.isRecord ? "." : " ")
        }
    }

    // MARK: helpers

    /// A completion computed over a suffix of the partial word, moved to line offsets.
    func shifted(_ inner: Completion, by offset: Int, in context: CompletionContext) -> Completion {
        Completion(
            start: context.partialStart + offset + inner.start, partial: inner.partial, candidates: inner.candidates)
    }

    func make(_ candidates: [Completion.Candidate], partial: String, context: CompletionContext) -> Completion {
        Completion(start: context.partialStart, partial: partial, candidates: Self.filter(candidates, by: partial))
    }

    /// Candidates that start with `typed` (scalar-wise), first occurrence of each text kept. A
    /// quoted candidate (`"Price Monitor"`) also matches what was typed without the quote.
    static func filter(_ candidates: [Completion.Candidate], by typed: String) -> [Completion.Candidate] {
        var seen: Set<String> = []
        let prefix = Array(typed.unicodeScalars)
        return candidates.filter { candidate in
            let text = Array(candidate.text.unicodeScalars)
            let matches =
                text.starts(with: prefix)
                || (text.first == "\"" && prefix.first != "\"" && text.dropFirst().starts(with: prefix))
            return matches && seen.insert(candidate.text).inserted
        }
    }

    /// A value as it must be typed: bare when it is a plain word, quoted otherwise.
    static func valueCandidate(_ value: String) -> Completion.Candidate {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:@/+".unicodeScalars.contains($0)
            }
        guard !plain else { return Completion.Candidate(value) }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return Completion.Candidate("\"" + escaped + "\"")
    }

    static func isArgumentName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)
        }
    }

    /// The trailing run of a word that can be a variable or field path: `(.exec` → `.exec`.
    static func trailingPathToken(_ word: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for c in word.unicodeScalars.reversed() {
            let ok = c.properties.isAlphabetic || c.properties.numericType != nil || "_-.$?".unicodeScalars.contains(c)
            if !ok { break }
            scalars.insert(c, at: 0)
            if c == "$" { break }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
