/// Scans source text up to the cursor, tracking strings, comments and bracket frames, to find
/// where the current pipeline stage starts and what flows into it.
struct StageScanner {
    struct Frame {
        /// The bracket that opened the frame (nil for the top level).
        var opener: Unicode.Scalar?
        /// The frame was opened by `\(` inside a double-quoted string.
        var resumesString = false
        var pipelineStart: Int
        var stageStart: Int
        var lastPipe: Int?
        /// What flows into the frame's first stage (a block's `$it` comes from its command's input).
        var inherited: String
        /// Last non-whitespace scalar seen in this frame (a trailing `|` continues past a newline).
        var lastSignificant: Unicode.Scalar?
    }

    let scalars: [Unicode.Scalar]
    var frames: [Frame]
    var inString: Unicode.Scalar?
    var escaped = false
    var inComment = false

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        frames = [Frame(pipelineStart: 0, stageStart: 0, inherited: "")]
    }

    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// What flows into `frame`'s current stage: the pipeline before its last `|`, or the frame's
    /// inherited upstream for a first stage.
    func upstream(of frame: Frame) -> String {
        guard let pipe = frame.lastPipe, pipe > frame.pipelineStart else {
            return frame.lastPipe == nil ? frame.inherited : ""
        }
        return text(frame.pipelineStart..<pipe)
    }

    mutating func scan(upTo end: Int) {
        var i = 0
        while i < end {
            step(scalars[i], at: i)
            i += 1
        }
    }

    mutating func step(_ c: Unicode.Scalar, at i: Int) {
        if inComment {
            if c == "\n" {
                inComment = false
                endStatement(at: i)
            }
            return
        }
        if let quote = inString {
            if escaped {
                escaped = false
                if c == "(" && quote == "\"" {
                    inString = nil
                    open(c, at: i, resumesString: true)
                }
            } else if c == "\\" && quote == "\"" {
                escaped = true
            } else if c == quote {
                inString = nil
            }
            return
        }
        let top = frames.count - 1
        switch c {
        case "#": inComment = true
        case "\"", "'": inString = c
        case "(", "[", "{": open(c, at: i, resumesString: false)
        case ")", "]", "}":
            if frames.count > 1 {
                let closed = frames.removeLast()
                if closed.resumesString { inString = "\"" }
            }
        case "|":
            frames[top].lastPipe = i
            frames[top].stageStart = i + 1
        case ";": endStatement(at: i)
        case "\n":
            if frames[top].lastSignificant != "|" { endStatement(at: i) }
        default: break
        }
        if !c.properties.isWhitespace, frames.count - 1 == top {
            frames[top].lastSignificant = c
        }
    }

    mutating func open(_ c: Unicode.Scalar, at i: Int, resumesString: Bool) {
        let inherited = upstream(of: frames[frames.count - 1])
        frames.append(
            Frame(
                opener: c, resumesString: resumesString, pipelineStart: i + 1, stageStart: i + 1,
                inherited: inherited))
    }

    mutating func endStatement(at i: Int) {
        let top = frames.count - 1
        frames[top].pipelineStart = i + 1
        frames[top].stageStart = i + 1
        frames[top].lastPipe = nil
        frames[top].inherited = frames.count == 1 ? "" : frames[top].inherited
    }
}
