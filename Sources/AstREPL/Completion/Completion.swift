/// The answer to one Tab press: the partial word's position and the candidates that may replace it.
package struct Completion: Sendable, Equatable {
    package struct Candidate: Sendable, Equatable {
        /// Replaces the partial word (`failed`, `status=`, `executionResult`).
        package let text: String
        /// Appended when this candidate is the only one: a space, `=`-less nothing, `.`, `/`.
        package let suffix: String

        package init(_ text: String, suffix: String = " ") {
            self.text = text
            self.suffix = suffix
        }

        /// How the candidate is listed: the text as it would read after completion.
        package var display: String {
            suffix == " " ? text : text + suffix
        }
    }

    /// What the editor should do.
    package enum Action: Sendable, Equatable {
        /// Delete `deleting` scalars before the cursor, then insert `text`.
        case insert(deleting: Int, text: String)
        /// Nothing can be inserted; show these choices.
        case list([String])
        /// No candidate.
        case none
    }

    /// Scalar offset where the partial word starts.
    package let start: Int
    /// The partial word, as typed.
    package let partial: String
    package let candidates: [Candidate]

    package init(start: Int, partial: String, candidates: [Candidate]) {
        self.start = start
        self.partial = partial
        self.candidates = candidates
    }

    /// A unique candidate is inserted with its suffix; several insert their longest common prefix
    /// when it is longer than what was typed, and are listed otherwise.
    package var action: Action {
        let typed = partial.unicodeScalars.count
        guard let first = candidates.first else { return .none }
        if candidates.count == 1 {
            return .insert(deleting: typed, text: first.text + first.suffix)
        }
        let prefix = Self.commonPrefix(candidates.map(\.text))
        if prefix.unicodeScalars.count > typed {
            return .insert(deleting: typed, text: prefix)
        }
        return .list(candidates.map(\.display))
    }

    /// Applies `action` to a line (for tests and the plain reader): returns the new line and cursor.
    package func applied(to line: String, cursor: Int) -> (line: String, cursor: Int) {
        guard case .insert(let deleting, let text) = action else { return (line, cursor) }
        var scalars = Array(line.unicodeScalars)
        let end = min(cursor, scalars.count)
        let begin = max(0, end - deleting)
        let inserted = Array(text.unicodeScalars)
        scalars.replaceSubrange(begin..<end, with: inserted)
        return (String(String.UnicodeScalarView(scalars)), begin + inserted.count)
    }

    /// Longest common prefix, compared scalar by scalar.
    package static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for string in strings.dropFirst() {
            var count = 0
            for (a, b) in zip(prefix, string.unicodeScalars) {
                if a != b { break }
                count += 1
            }
            prefix = Array(prefix.prefix(count))
        }
        return String(String.UnicodeScalarView(prefix))
    }
}
