/// A half-open range of UTF-8 byte offsets into one source text. Every token and syntax node carries one;
/// line and column are computed only when a diagnostic is rendered.
package struct Span: Sendable, Hashable, CustomStringConvertible {
    package var start: Int
    package var end: Int

    package init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    package func merged(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    package var length: Int { end - start }

    package var description: String { "\(start)..<\(end)" }
}

/// A named source text (a script file, `-c` text, or one line typed at the prompt).
package final class SourceFile: Sendable {
    package let name: String
    package let text: String
    package let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    package init(name: String, text: String) {
        self.name = name
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.lineStarts = starts
    }

    /// 1-based line and column (column counted in characters) of a byte offset.
    package func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let prefix = String(decoding: bytes[start..<offset], as: UTF8.self)
        return (low + 1, prefix.count + 1)
    }

    /// The text of a 1-based line, without its newline.
    package func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text under a span.
    package func text(of span: Span) -> String {
        let start = min(max(0, span.start), bytes.count)
        let end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
