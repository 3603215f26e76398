// Reads a pattern into a tree (`RegexNode`) and compiles the tree into `LinearRegex` instructions.

indirect enum RegexNode {
    case empty
    case scalar(UInt32, fold: Bool)
    case any(dotAll: Bool)
    case set(LinearRegex.CharSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    case assert(LinearRegex.Assertion)

    /// The scalars of a pattern that is nothing else (one case sensitivity throughout).
    var literalRun: (scalars: [UInt32], fold: Bool)? {
        switch self {
        case .scalar(let c, let fold): return ([c], fold)
        case .concat(let parts):
            var scalars: [UInt32] = []
            var folds: Set<Bool> = []
            for part in parts {
                guard case .scalar(let c, let fold) = part else { return nil }
                scalars.append(c)
                folds.insert(fold)
            }
            guard folds.count <= 1 else { return nil }
            return (scalars, folds.first ?? false)
        default: return nil
        }
    }

    var startsAnchored: Bool {
        switch self {
        case .assert(.start): true
        case .concat(let parts): parts.first?.startsAnchored ?? false
        default: false
        }
    }
}

struct RegexParser {
    typealias SyntaxError = LinearRegex.SyntaxError
    let scalars: [UInt32]
    var index = 0
    var caseInsensitive = false
    var multiline = false
    var dotAll = false
    var depth = 0

    init(_ pattern: String) { scalars = pattern.unicodeScalars.map(\.value) }

    var atEnd: Bool { index >= scalars.count }
    func peek(_ offset: Int = 0) -> UInt32? { index + offset < scalars.count ? scalars[index + offset] : nil }
    func isNext(_ text: String) -> Bool {
        let wanted = text.unicodeScalars.map(\.value)
        return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    static func ascii(_ c: Character) -> UInt32 { c.unicodeScalars.first?.value ?? 0 }

    mutating func parseAll() throws(SyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if !atEnd { throw SyntaxError(message: "unmatched ')'") }
        return node
    }

    // alternation = concat { "|" concat }
    mutating func parseAlternation() throws(SyntaxError) -> RegexNode {
        var branches = [try parseConcat()]
        while peek() == Self.ascii("|") {
            index += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    // concat = { quantified }
    mutating func parseConcat() throws(SyntaxError) -> RegexNode {
        var parts: [RegexNode] = []
        while let c = peek(), c != Self.ascii("|"), c != Self.ascii(")") {
            guard let atom = try parseAtom() else { continue }
            parts.append(try parseQuantifiers(atom))
        }
        return parts.isEmpty ? .empty : parts.count == 1 ? parts[0] : .concat(parts)
    }

    // quantified = atom { "*" | "+" | "?" | "{m}" | "{m,}" | "{m,n}" } ["?" | "+"]
    mutating func parseQuantifiers(_ atom: RegexNode) throws(SyntaxError) -> RegexNode {
        var node = atom
        while let c = peek() {
            var bounds: (Int, Int?)
            switch c {
            case Self.ascii("*"):
                bounds = (0, nil)
                index += 1
            case Self.ascii("+"):
                bounds = (1, nil)
                index += 1
            case Self.ascii("?"):
                bounds = (0, 1)
                index += 1
            case Self.ascii("{"):
                guard let interval = try parseInterval() else { return node }
                bounds = interval
            default: return node
            }
            if case .assert = node {
                throw SyntaxError(message: "nothing to repeat before '\(Character(Unicode.Scalar(c) ?? "?"))'")
            }
            // Lazy (`*?`) and possessive (`*+`) forms match the same strings; only existence is computed.
            if let mark = peek(), mark == Self.ascii("?") || mark == Self.ascii("+") { index += 1 }
            node = .repetition(node, min: bounds.0, max: bounds.1)
        }
        return node
    }

    /// `{m}`, `{m,}`, `{m,n}`; nil (and nothing read) when the brace is not an interval.
    mutating func parseInterval() throws(SyntaxError) -> (Int, Int?)? {
        let start = index
        index += 1
        func number(_ parser: inout RegexParser) -> Int? {
            var value: Int?
            while let c = parser.peek(), c >= 48, c <= 57 {
                value = min((value ?? 0) * 10 + Int(c - 48), 100_000)
                parser.index += 1
            }
            return value
        }
        guard let low = number(&self) else {
            index = start
            return nil
        }
        var high: Int? = low
        if peek() == Self.ascii(",") {
            index += 1
            high = number(&self)
        }
        guard peek() == Self.ascii("}") else {
            index = start
            return nil
        }
        index += 1
        if let high, high < low {
            throw SyntaxError(message: "bad repetition {\(low),\(high)}: the maximum is below the minimum")
        }
        if low > 1000 || (high ?? 0) > 1000 {
            throw SyntaxError(message: "repetition counts above 1000 are not supported")
        }
        return (low, high)
    }

    /// One atom, or nil for a flag group `(?i)` that only changes the flags.
    mutating func parseAtom() throws(SyntaxError) -> RegexNode? {
        guard let c = peek() else { throw SyntaxError(message: "unexpected end of pattern") }
        index += 1
        switch c {
        case Self.ascii("."): return .any(dotAll: dotAll)
        case Self.ascii("^"): return .assert(multiline ? .lineStart : .start)
        case Self.ascii("$"): return .assert(multiline ? .lineEnd : .end)
        case Self.ascii("["): return .set(try parseClass())
        case Self.ascii("("): return try parseGroup()
        case Self.ascii("\\"): return try parseEscape()
        case Self.ascii("*"), Self.ascii("+"), Self.ascii("?"):
            throw SyntaxError(message: "nothing to repeat before '\(Character(Unicode.Scalar(c) ?? "?"))'")
        default: return .scalar(caseInsensitive ? LinearRegex.fold(c) : c, fold: caseInsensitive)
        }
    }

    // group = "(" ["?:" | "?<name>" | "?flags:" | "?flags)"] alternation ")"
    mutating func parseGroup() throws(SyntaxError) -> RegexNode? {
        let saved = (caseInsensitive, multiline, dotAll)
        if peek() == Self.ascii("?") {
            index += 1
            if isNext("=") || isNext("!") || isNext("<=") || isNext("<!") {
                throw SyntaxError(message: "lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported")
            }
            if isNext(">") { throw SyntaxError(message: "atomic groups (?>…) are not supported") }
            if peek() == Self.ascii("<") || peek() == Self.ascii("P") {
                if peek() == Self.ascii("P") { index += 1 }
                guard peek() == Self.ascii("<") else { throw SyntaxError(message: "unknown group syntax after '(?P'") }
                while let c = peek(), c != Self.ascii(">") { index += 1 }
                guard !atEnd else { throw SyntaxError(message: "unterminated group name") }
                index += 1
            } else if peek() != Self.ascii(":") {
                var on = true
                while let c = peek(), c != Self.ascii(":"), c != Self.ascii(")") {
                    switch c {
                    case Self.ascii("-"): on = false
                    case Self.ascii("i"): caseInsensitive = on
                    case Self.ascii("m"): multiline = on
                    case Self.ascii("s"): dotAll = on
                    default:
                        throw SyntaxError(
                            message: "unsupported flag '\(Character(Unicode.Scalar(c) ?? "?"))' (i, m and s are)")
                    }
                    index += 1
                }
                guard !atEnd else { throw SyntaxError(message: "missing ')'") }
                if peek() == Self.ascii(")") {
                    // `(?i)`: the flags hold to the end of the enclosing group.
                    index += 1
                    return nil
                }
                index += 1
            } else {
                index += 1
            }
        }
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw SyntaxError(message: "groups are nested too deeply (more than 200)") }
        let inner = try parseAlternation()
        guard peek() == Self.ascii(")") else { throw SyntaxError(message: "missing ')'") }
        index += 1
        (caseInsensitive, multiline, dotAll) = saved
        return inner
    }

    mutating func parseEscape() throws(SyntaxError) -> RegexNode {
        guard let c = peek() else { throw SyntaxError(message: "trailing backslash") }
        index += 1
        if let kind = Self.classEscape(c) {
            var set = LinearRegex.CharSet()
            set.classes = [kind]
            return .set(set)
        }
        switch c {
        case Self.ascii("b"): return .assert(.wordBoundary)
        case Self.ascii("B"): return .assert(.notWordBoundary)
        case Self.ascii("A"): return .assert(.start)
        case Self.ascii("z"): return .assert(.textEnd)
        case Self.ascii("Z"): return .assert(.end)
        default:
            let scalar = try escapedScalar(c)
            return .scalar(caseInsensitive ? LinearRegex.fold(scalar) : scalar, fold: caseInsensitive)
        }
    }

    static func classEscape(_ c: UInt32) -> (kind: LinearRegex.ClassKind, negated: Bool)? {
        switch c {
        case ascii("d"): (.digit, false)
        case ascii("D"): (.digit, true)
        case ascii("w"): (.word, false)
        case ascii("W"): (.word, true)
        case ascii("s"): (.space, false)
        case ascii("S"): (.space, true)
        default: nil
        }
    }

    /// The scalar an escape stands for (`\n`, `\x41`, `\u00e9`, `\.`); refuses backreferences.
    mutating func escapedScalar(_ c: UInt32) throws(SyntaxError) -> UInt32 {
        switch c {
        case Self.ascii("n"): return 10
        case Self.ascii("t"): return 9
        case Self.ascii("r"): return 13
        case Self.ascii("f"): return 12
        case Self.ascii("v"): return 11
        case Self.ascii("e"): return 27
        case Self.ascii("0"): return 0
        case Self.ascii("x"), Self.ascii("u"):
            var digits = c == Self.ascii("x") ? 2 : 4
            var braced = false
            if peek() == Self.ascii("{") {
                braced = true
                digits = 8
                index += 1
            }
            var value: UInt32 = 0
            var count = 0
            while count < digits, let d = peek(), let v = Self.hexValue(d) {
                value = value * 16 + v
                count += 1
                index += 1
            }
            if braced {
                guard peek() == Self.ascii("}") else { throw SyntaxError(message: "missing '}' in a \\x{…} escape") }
                index += 1
            }
            guard count > 0, Unicode.Scalar(value) != nil else {
                throw SyntaxError(message: "invalid hexadecimal escape")
            }
            return value
        case Self.ascii("1")...Self.ascii("9"), Self.ascii("k"):
            throw SyntaxError(message: "backreferences (\\1, \\k<name>) are not supported")
        case Self.ascii("p"), Self.ascii("P"):
            throw SyntaxError(message: "Unicode property classes (\\p{…}) are not supported")
        default:
            let isLetterOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            if isLetterOrDigit {
                throw SyntaxError(message: "unknown escape '\\\(Character(Unicode.Scalar(c) ?? "?"))'")
            }
            return c
        }
    }

    static func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }

    // class = "[" ["^"] { item } "]"      item = CHAR ["-" CHAR] | "\d" … | escape
    mutating func parseClass() throws(SyntaxError) -> LinearRegex.CharSet {
        var set = LinearRegex.CharSet()
        set.fold = caseInsensitive
        if peek() == Self.ascii("^") {
            set.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let c = peek() else { throw SyntaxError(message: "missing ']'") }
            if c == Self.ascii("]"), !first {
                index += 1
                break
            }
            if c == Self.ascii("["), peek(1) == Self.ascii(":") {
                throw SyntaxError(message: "POSIX classes ([:alpha:]) are not supported; use \\w, \\d, \\s or a range")
            }
            first = false
            index += 1
            var low = c
            if c == Self.ascii("\\") {
                guard let e = peek() else { throw SyntaxError(message: "missing ']'") }
                index += 1
                if let kind = Self.classEscape(e) {
                    set.classes.append(kind)
                    continue
                }
                low = e == Self.ascii("b") ? 8 : try escapedScalar(e)
            }
            var high = low
            if peek() == Self.ascii("-"), let next = peek(1), next != Self.ascii("]") {
                index += 2
                high = next
                if next == Self.ascii("\\") {
                    guard let e = peek() else { throw SyntaxError(message: "missing ']'") }
                    index += 1
                    high = try escapedScalar(e)
                }
                guard high >= low else {
                    throw SyntaxError(message: "bad range in a class: the end is before the start")
                }
            }
            set.ranges.append(low...high)
        }
        return set
    }
}

struct RegexCompiler {
    var program: [LinearRegex.Instruction] = []
    var sets: [LinearRegex.CharSet] = []

    mutating func emit(_ node: RegexNode) throws(LinearRegex.SyntaxError) {
        guard program.count < LinearRegex.maxProgram else {
            throw LinearRegex.SyntaxError(message: "pattern is too large (more than \(LinearRegex.maxProgram) states)")
        }
        switch node {
        case .empty: break
        case .scalar(let c, let fold): program.append(fold ? .folded(c) : .scalar(c))
        case .any(let dotAll): program.append(.any(dotAll: dotAll))
        case .set(let set):
            sets.append(set)
            program.append(.set(sets.count - 1))
        case .assert(let assertion): program.append(.assert(assertion))
        case .concat(let parts): for part in parts { try emit(part) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { try emit(body) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(body)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(body)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
