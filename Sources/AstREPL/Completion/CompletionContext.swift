import Foundation

/// Where the cursor stands, for completion: the current stage's words before the cursor, the
/// partial word under it, and the pipeline text that flows into the stage.
///
/// Only the text before the cursor matters. All offsets count Unicode scalars (libedit's wide
/// buffer is UTF-32, so its cursor arrives in scalars).
struct CompletionContext: Equatable {
    /// Complete words of the current stage before the partial word (`["list", "status=failed"]`).
    var words: [String]
    /// The partial word up to the cursor (may be empty).
    var partial: String
    /// Scalar offset of `partial`'s first scalar in the line.
    var partialStart: Int
    /// Source text whose output flows into the current stage ("" when nothing does).
    var upstream: String
    /// The cursor sits in a `#` comment: nothing to complete.
    var inComment: Bool

    init(line: String, cursor: Int) {
        let scalars = Array(line.unicodeScalars)
        let end = min(max(0, cursor), scalars.count)
        var scanner = StageScanner(scalars: scalars)
        scanner.scan(upTo: end)
        let frame = scanner.frames[scanner.frames.count - 1]
        inComment = scanner.inComment
        upstream = Self.normalizedUpstream(scanner.upstream(of: frame))
        let split = Self.splitWords(scalars[frame.stageStart..<end])
        var words = split.words
        Self.dropStatementHead(&words)
        self.words = words
        partial = String(String.UnicodeScalarView(split.partial))
        partialStart = end - split.partial.count
    }

    /// Splits a stage into words at whitespace outside quotes and brackets; the last, unfinished
    /// segment is the partial word (empty when the stage ends in whitespace).
    static func splitWords(_ stage: ArraySlice<Unicode.Scalar>) -> (words: [String], partial: [Unicode.Scalar]) {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var quote: Unicode.Scalar?
        var escaped = false
        for c in stage {
            if let q = quote {
                current.append(c)
                if escaped {
                    escaped = false
                } else if c == "\\" && q == "\"" {
                    escaped = true
                } else if c == q {
                    quote = nil
                }
                continue
            }
            if depth == 0 && c.properties.isWhitespace {
                if !current.isEmpty { words.append(String(String.UnicodeScalarView(current))) }
                current = []
                continue
            }
            current.append(c)
            switch c {
            case "\"", "'": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return (words, current)
    }

    /// `let x = PIPELINE` and `for x in PIPELINE`: the pipeline starts after `=` / `in`.
    static func dropStatementHead(_ words: inout [String]) {
        if words.count >= 3, words[0] == "let", words[2] == "=" {
            words.removeFirst(3)
        } else if words.count >= 3, words[0] == "for", words[2] == "in" {
            words.removeFirst(3)
        }
    }

    static func normalizedUpstream(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let before = words.count
        dropStatementHead(&words)
        let result = before == words.count ? text : words.joined(separator: " ")
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
