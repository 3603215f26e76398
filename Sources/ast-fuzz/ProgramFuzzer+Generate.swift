import AsteroidSandbox

/// The programs `ast-fuzz programs` runs: mutated golden scripts, programs from a small grammar, deep
/// nestings and extreme literals. Deterministic for a seed.
struct ProgramGenerator {
    struct Program {
        var kind: String
        var text: String
    }

    var rng: SplitMix64
    let corpus: [String]

    init(seed: UInt64, corpus: [String]) {
        rng = SplitMix64(seed: seed)
        self.corpus = corpus.isEmpty ? ["1 + 1"] : corpus
    }

    static let extremes = [
        "9223372036854775807", "-9223372036854775807", "(-9223372036854775807 - 1)", "0", "-1", "1", "0.0", "-0.0",
        "1.7976931348623157", "100000000000000.0", "100000000000000w", "9999999999999999999999w", "0s", "1ms", "-1s",
        "9999-12-31T23:59:59Z", "0000-01-01", "2026-11-01", "$now", "null", "true", "\"\"", "\"\\u{10FFFF}\"",
        "\"\\u{0}\"", "'(a+)+$'", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'", "\"é\u{301}\"", "[]", "{}", "[[[[]]]]",
        "{a: {b: {c: null}}}", "\"\\(1 + 1)\"", "99999999999999999999", "1.5e3", "0x10", "1_000",
    ]
    static let operators = [
        "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "=~", "!~", "in", "and", "or", "??",
    ]
    static let tokens =
        operators + [
            "(", ")", "[", "]", "{", "}", "|", ",", ":", ";", "\n", ".", "?", "$", "=", "let", "def", "if", "else",
            "for",
            "try", "catch", "return", "break", "continue", "exit", "not", "$it", "$x", ".a", ".status", "where", "each",
            "sort-by", "first", "last", "count", "sum", "avg", "min", "max", "group-by", "uniq", "flatten", "select",
            "reverse", "skip", "json", "jsonl", "csv", "table", "print", "assert", "help", "set", "version", "-p", "8",
            "\"", "'", "\\", "#", "\"\\(", "`", "@", "^", "~", "!", "&", "\u{0}", "\u{FEFF}", "é",
        ] + extremes
    static let commands = [
        "where .a > 1", "each { $it }", "sort-by a", "first 2", "last 1", "count", "sum", "avg", "min", "max",
        "group-by a", "uniq", "flatten", "select a", "reverse", "skip 1", "json -c", "jsonl", "csv", "table",
        "each -p 4 { $it.a ?? 0 }", "where $it =~ '(?i)x'", "print", "assert true",
    ]

    mutating func next() -> Program {
        let roll = rng.below(1000)
        switch roll {
        case 0..<400: return Program(kind: "mutated", text: mutate(pick(corpus)))
        case 400..<750: return Program(kind: "generated", text: generated())
        case 750..<850: return Program(kind: "extreme", text: extremeProgram())
        case 850..<900: return Program(kind: "deep", text: deep(huge: rng.below(50) == 0))
        case 900..<950: return Program(kind: "spliced", text: splice())
        default:
            return Program(
                kind: "tokens", text: (0..<rng.below(40)).map { _ in pick(Self.tokens) }.joined(separator: " "))
        }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[rng.below(items.count)] }

    // MARK: mutation

    mutating func mutate(_ script: String) -> String {
        var scalars = Array(script.unicodeScalars)
        for _ in 0...rng.below(4) {
            let at = scalars.isEmpty ? 0 : rng.below(scalars.count + 1)
            let length = min(rng.below(12) + 1, scalars.count - min(at, scalars.count))
            switch rng.below(6) {
            case 0: if length > 0 { scalars.removeSubrange(at..<(at + length)) }
            case 1: scalars.insert(contentsOf: (" " + pick(Self.tokens) + " ").unicodeScalars, at: at)
            case 2: if length > 0 { scalars.insert(contentsOf: scalars[at..<(at + length)], at: at) }
            case 3:
                if length > 0 { scalars.replaceSubrange(at..<(at + length), with: pick(Self.extremes).unicodeScalars) }
            case 4: if at < scalars.count { scalars[at] = Unicode.Scalar(UInt8(rng.below(94) + 32)) }
            default:
                let other = Array(pick(corpus).unicodeScalars)
                let from = other.isEmpty ? 0 : rng.below(other.count)
                scalars.insert(contentsOf: other[from..<min(other.count, from + rng.below(80))], at: at)
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    mutating func splice() -> String {
        let a = pick(corpus).split(separator: "\n", omittingEmptySubsequences: false)
        let b = pick(corpus).split(separator: "\n", omittingEmptySubsequences: false)
        return (a.prefix(rng.below(a.count + 1)) + b.suffix(rng.below(b.count + 1))).joined(separator: "\n")
    }

    // MARK: grammar

    mutating func generated() -> String {
        var lines = [
            "let x = {a: 1, b: [1, 2, 3], s: \"text\", t: 2026-11-01, d: 90m}",
            "let xs = [{a: 1}, {a: 2, b: null}, {a: 3}]",
        ]
        for _ in 0...rng.below(6) { lines.append(statement(depth: 0)) }
        return lines.joined(separator: "\n")
    }

    mutating func statement(depth: Int) -> String {
        let choice = depth > 2 ? rng.below(3) : rng.below(9)
        switch choice {
        case 0: return "let v\(rng.below(4)) = " + expression(depth: depth)
        case 1: return expression(depth: depth)
        case 2: return pipeline(depth: depth)
        case 3:
            return
                "if \(expression(depth: depth + 1)) { \(statement(depth: depth + 1)) } else "
                    + "{ \(statement(depth: depth + 1)) }"
        case 4: return "for i in \(list(depth: depth + 1)) { \(statement(depth: depth + 1)) }"
        case 5: return "try { \(statement(depth: depth + 1)) } catch e { $e.message }"
        case 6: return "def g\(rng.below(3))(p, q = \(literal())) { \(statement(depth: depth + 1)) }"
        case 7: return "g\(rng.below(3)) \(literal())"
        default: return "assert \(expression(depth: depth + 1))"
        }
    }

    mutating func pipeline(depth: Int) -> String {
        var stages = [pick(["$xs", "$x.b", list(depth: depth + 1), "[$x, $x]"])]
        for _ in 0...rng.below(3) { stages.append(pick(Self.commands)) }
        return stages.joined(separator: " | ")
    }

    mutating func list(depth: Int) -> String {
        "[" + (0..<rng.below(4)).map { _ in expression(depth: depth + 1) }.joined(separator: ", ") + "]"
    }

    mutating func literal() -> String {
        rng.below(3) == 0
            ? pick(Self.extremes) : pick(["1", "2.5", "\"s\"", "null", "true", "30s", "2026-11-01", "[1]", "{a: 1}"])
    }

    mutating func expression(depth: Int) -> String {
        if depth > 3 { return literal() }
        switch rng.below(10) {
        case 0, 1: return literal()
        case 2: return "\(expression(depth: depth + 1)) \(pick(Self.operators)) \(expression(depth: depth + 1))"
        case 3: return "(\(expression(depth: depth + 1)))"
        case 4:
            return pick([
                "$x", "$xs", "$x.a", "$x.b[1]", "$x.s", "$x.t", "$x.d", "$x.missing?", "$xs[0].a", "$now", "$v0",
            ])
        case 5: return list(depth: depth)
        case 6: return "{k: \(expression(depth: depth + 1)), \"q k\": \(expression(depth: depth + 1))}"
        case 7: return pick(["-", "not "]) + expression(depth: depth + 1)
        case 8: return "\"v=\\(\(expression(depth: depth + 1)))\""
        default: return "(\(pipeline(depth: depth + 1)))"
        }
    }

    // MARK: extremes and depth

    mutating func extremeProgram() -> String {
        (0...rng.below(4)).map { _ in
            "\(pick(Self.extremes)) \(pick(Self.operators)) \(pick(Self.extremes))"
        }.joined(separator: "\n")
    }

    mutating func deep(huge: Bool) -> String {
        let n = huge ? 20_000 + rng.below(20_000) : 1 + rng.below(1_500)
        let inner: String
        switch rng.below(9) {
        case 0: inner = Array(repeating: "1", count: n).joined(separator: " \(pick(Self.operators)) ")
        case 1: inner = "$x" + String(repeating: ".a", count: n)
        case 2: inner = "[1]" + String(repeating: "[0]", count: n)
        case 3: inner = String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
        case 4: inner = String(repeating: "[", count: n) + String(repeating: "]", count: n)
        case 5: inner = "if false { 1 }" + String(repeating: " else if false { 1 }", count: n)
        case 6: inner = String(repeating: "- ", count: n) + "1"
        case 7:
            inner = String(repeating: "\"\\(", count: min(n, 200)) + "1" + String(repeating: ")\"", count: min(n, 200))
        default: inner = "[1] | each " + String(repeating: "each ", count: n) + "count"
        }
        return "let x = {a: 1}\n" + (rng.below(2) == 0 ? "if false { \(inner) }" : inner)
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeedRandom.mix(state)
    }

    /// A number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
