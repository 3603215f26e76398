import Foundation

/// The regular expressions of `=~` and `!~`, matched in time linear in the subject (a Thompson NFA
/// simulation: every state advances in step, so no pattern backtracks). A backtracking engine spun forever on
/// `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$'` and, sharing ast's one event-loop thread, blocked Ctrl-C.
///
/// Syntax: literals, `.`, classes `[a-z]` `[^…]` `\d \w \s` and their negations, anchors `^ $ \A \z \b \B`,
/// groups `(…)` `(?:…)` `(?<name>…)`, alternation, `* + ? {m} {m,} {m,n}` (lazy and possessive forms match
/// the same), flags `(?i)` `(?m)` `(?s)` and `(?i:…)`. Backreferences and lookaround are refused
/// (`LinearRegex.SyntaxError`): they cannot be matched in linear time. Only whether a match exists is
/// computed; a long match checks for cancellation (Ctrl-C) as it goes.
package struct LinearRegex: Sendable {
    package struct SyntaxError: Error, Sendable, Equatable {
        package var message: String
    }

    enum Assertion: Sendable {
        case start, end, lineStart, lineEnd, wordBoundary, notWordBoundary, textEnd
    }

    enum ClassKind: Sendable { case digit, word, space }

    /// A bracket class (or `\d`-like escape): ranges and named classes, possibly negated.
    struct CharSet: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var classes: [(kind: ClassKind, negated: Bool)] = []
        var negated = false
        var fold = false
    }

    enum Instruction: Sendable {
        case scalar(UInt32)
        /// A scalar compared case-insensitively (stored folded).
        case folded(UInt32)
        case any(dotAll: Bool)
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case assert(Assertion)
        case match
    }

    let program: [Instruction]
    let sets: [CharSet]
    /// The whole pattern is a run of scalars (`timeout`, `(?i)timeout`): matched by substring search.
    let literal: (scalars: [UInt32], fold: Bool)?
    /// The pattern starts with `^` or `\A` outside multiline mode: only position 0 can start a match.
    let anchored: Bool
    /// The scalars (folded when `firstFolded`) a match can start with, when that is a short list: the search
    /// skips other positions while no match is under way.
    let firstScalars: [UInt32]?
    let firstFolded: Bool

    /// The largest compiled program accepted (`x{1000}{1000}` would be a million states).
    static let maxProgram = 50_000

    package init(_ pattern: String) throws(SyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parseAll()
        var compiler = RegexCompiler()
        try compiler.emit(node)
        compiler.program.append(.match)
        program = compiler.program
        sets = compiler.sets
        literal = node.literalRun
        anchored = node.startsAnchored
        (firstScalars, firstFolded) = Self.startScalars(compiler.program)
    }

    /// Follows the jumps and splits from the start: if every state reached reads one given scalar (all with
    /// the same case sensitivity), those scalars; nil when an assertion, class or the end is reachable.
    static func startScalars(_ program: [Instruction]) -> ([UInt32]?, Bool) {
        var seen = Set<Int>()
        var stack = [0]
        var scalars: [UInt32] = []
        var folds: Set<Bool> = []
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(contentsOf: [first, second])
            case .scalar(let c):
                scalars.append(c)
                folds.insert(false)
            case .folded(let c):
                scalars.append(c)
                folds.insert(true)
            default: return (nil, false)
            }
        }
        guard folds.count == 1, scalars.count <= 8 else { return (nil, false) }
        return (scalars, folds.contains(true))
    }

    /// Whether the pattern matches anywhere in `subject`. Throws `CancellationError` when the task is
    /// cancelled during a long match.
    package func firstMatchExists(in subject: String) throws -> Bool {
        var text: [UInt32] = []
        text.reserveCapacity(subject.utf8.count)
        for scalar in subject.unicodeScalars { text.append(scalar.value) }
        if let literal { return try Self.contains(text, literal.scalars, fold: literal.fold) }
        var matcher = RegexMatcher(regex: self, text: text)
        return try matcher.run()
    }

    static func contains(_ text: [UInt32], _ needle: [UInt32], fold: Bool) throws -> Bool {
        if needle.isEmpty { return true }
        guard text.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(text.count - needle.count) {
            if start & 0xFFFF == 0xFFFF, Task.isCancelled { throw CancellationError() }
            let c = fold ? Self.fold(text[start]) : text[start]
            guard c == first else { continue }
            var k = 1
            while k < needle.count, (fold ? Self.fold(text[start + k]) : text[start + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    // MARK: character classes

    /// Simple case folding: the lowercase form when it is one scalar.
    static func fold(_ c: UInt32) -> UInt32 {
        if c < 128 { return c >= 65 && c <= 90 ? c + 32 : c }
        guard let scalar = Unicode.Scalar(c) else { return c }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first?.value ?? c : c
    }

    static func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return c >= 97 && c <= 122 ? c - 32 : c }
        guard let scalar = Unicode.Scalar(c) else { return c }
        let upper = scalar.properties.uppercaseMapping.unicodeScalars
        return upper.count == 1 ? upper.first?.value ?? c : c
    }

    static func isLineTerminator(_ c: UInt32) -> Bool {
        c == 10 || c == 13 || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 11 || c == 12
    }

    static func isClass(_ kind: ClassKind, _ c: UInt32) -> Bool {
        if c < 128 {
            switch kind {
            case .digit: return c >= 48 && c <= 57
            case .word: return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
            case .space: return c == 32 || (c >= 9 && c <= 13)
            }
        }
        guard let properties = Unicode.Scalar(c)?.properties else { return false }
        switch kind {
        case .digit: return properties.generalCategory == .decimalNumber
        case .word:
            return properties.isAlphabetic || properties.generalCategory == .decimalNumber
                || properties.generalCategory == .connectorPunctuation || properties.isJoinControl
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
        case .space: return properties.isWhitespace
        }
    }

    static func setContains(_ set: CharSet, _ c: UInt32) -> Bool {
        func raw(_ c: UInt32) -> Bool {
            for range in set.ranges where range.contains(c) { return true }
            for entry in set.classes where isClass(entry.kind, c) != entry.negated { return true }
            return false
        }
        var found = raw(c)
        if !found, set.fold {
            let lower = fold(c)
            let upper = upper(c)
            found = (lower != c && raw(lower)) || (upper != c && raw(upper))
        }
        return found != set.negated
    }
}

/// The simulation: the set of live states at each position, advanced one scalar at a time.
struct RegexMatcher {
    let regex: LinearRegex
    let text: [UInt32]
    /// The position for which each state was last added (so a state is added once per position).
    var mark: [Int]
    var stack: [Int] = []

    init(regex: LinearRegex, text: [UInt32]) {
        self.regex = regex
        self.text = text
        self.mark = [Int](repeating: -1, count: regex.program.count)
    }

    mutating func run() throws -> Bool {
        var current: [Int] = []
        var next: [Int] = []
        current.reserveCapacity(regex.program.count)
        next.reserveCapacity(regex.program.count)
        var work = 0
        for position in 0...text.count {
            if current.isEmpty, let first = regex.firstScalars, position < text.count {
                let c = regex.firstFolded ? LinearRegex.fold(text[position]) : text[position]
                if !first.contains(c) { continue }
            }
            if position == 0 || !regex.anchored {
                if add(0, at: position, to: &current) { return true }
            }
            if current.isEmpty {
                if regex.anchored { return false }
                continue
            }
            if position == text.count { break }
            let c = text[position]
            next.removeAll(keepingCapacity: true)
            for pc in current {
                let advances: Bool
                switch regex.program[pc] {
                case .scalar(let s): advances = c == s
                case .folded(let s): advances = LinearRegex.fold(c) == s
                case .any(let dotAll): advances = dotAll || !LinearRegex.isLineTerminator(c)
                case .set(let index): advances = LinearRegex.setContains(regex.sets[index], c)
                default: advances = false
                }
                if advances, add(pc + 1, at: position + 1, to: &next) { return true }
            }
            swap(&current, &next)
            work += current.count + 1
            if work > 1 << 16 {
                work = 0
                if Task.isCancelled { throw CancellationError() }
            }
        }
        return false
    }

    /// Adds a state and everything reachable from it without reading; true when that reaches `match`.
    mutating func add(_ start: Int, at position: Int, to list: inout [Int]) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard mark[pc] != position else { continue }
            mark[pc] = position
            switch regex.program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion):
                if holds(assertion, at: position) { stack.append(pc + 1) }
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            default: list.append(pc)
            }
        }
        return false
    }

    func holds(_ assertion: LinearRegex.Assertion, at i: Int) -> Bool {
        let n = text.count
        switch assertion {
        case .start: return i == 0
        case .textEnd: return i == n
        case .end:
            if i == n { return true }
            if i == n - 1 { return LinearRegex.isLineTerminator(text[i]) }
            return i == n - 2 && text[i] == 13 && text[i + 1] == 10
        case .lineStart:
            return i == 0
                || (LinearRegex.isLineTerminator(text[i - 1]) && !(text[i - 1] == 13 && i < n && text[i] == 10))
        case .lineEnd: return i == n || LinearRegex.isLineTerminator(text[i])
        case .wordBoundary, .notWordBoundary:
            let before = i > 0 && LinearRegex.isClass(.word, text[i - 1])
            let after = i < n && LinearRegex.isClass(.word, text[i])
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}

extension LinearRegex {
    private static let cache = RegexCache()

    /// The compiled pattern, from a small cache (a `where … =~ "…"` filter compiles once, not once a row).
    package static func compiled(_ pattern: String) throws(SyntaxError) -> LinearRegex {
        if let hit = cache.get(pattern) { return hit }
        let regex = try LinearRegex(pattern)
        cache.put(pattern, regex)
        return regex
    }
}

final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: LinearRegex] = [:]

    func get(_ pattern: String) -> LinearRegex? { lock.withLock { entries[pattern] } }

    func put(_ pattern: String, _ regex: LinearRegex) {
        lock.withLock {
            if entries.count >= 256 { entries.removeAll() }
            entries[pattern] = regex
        }
    }
}
