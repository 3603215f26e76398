import Foundation

// Truthiness, equality and ordering: defined here once for the whole language.
extension Value {
    /// `null`, `false`, `0`, `0.0`, `""`, `[]`, `{}` and the zero duration are false; everything else is true.
    package var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .int(let v): v != 0
        case .float(let v): v != 0
        case .string(let s): !s.isEmpty
        case .duration(let d): d != 0
        case .list(let items): !items.isEmpty
        case .record(let record): !record.isEmpty
        case .time, .closure, .stream: true
        }
    }

    /// Structural equality; ints and floats compare by value. Closures and streams are never equal.
    package func isEqual(to other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int, .float), (.float, .int), (.float, .float):
            return doubleValue == other.doubleValue
        case (.string(let a), .string(let b)): return a == b
        case (.time(let a), .time(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
        case (.record(let a), .record(let b)):
            return a.keys == b.keys
                && a.pairs.allSatisfy { pair in b[pair.key].map { pair.value.isEqual(to: $0) } ?? false }
        default: return false
        }
    }

    /// Ordering for `<`, `sort-by`, `min`/`max`; nil when the two kinds do not compare.
    package func compare(to other: Value) -> ComparisonResult? {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
            a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        }
        switch (self, other) {
        case (.int(let a), .int(let b)): return order(a, b)
        case (.int, .float), (.float, .int), (.float, .float):
            guard let a = doubleValue, let b = other.doubleValue else { return nil }
            return order(a, b)
        case (.string(let a), .string(let b)): return order(a, b)
        case (.time(let a), .time(let b)): return order(a, b)
        case (.duration(let a), .duration(let b)): return order(a, b)
        case (.bool(let a), .bool(let b)): return order(a ? 1 : 0, b ? 1 : 0)
        case (.null, .null): return .orderedSame
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let result = x.compare(to: y) else { return nil }
                if result != .orderedSame { return result }
            }
            return order(a.count, b.count)
        default: return nil
        }
    }

    /// A total order for sorting mixed values: null first, then by kind, then by `compare`.
    package func sortsBefore(_ other: Value) -> Bool {
        if let result = compare(to: other) { return result == .orderedAscending }
        return kindRank < other.kindRank
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int, .float: 2
        case .duration: 3
        case .time: 4
        case .string: 5
        case .list: 6
        case .record: 7
        case .closure: 8
        case .stream: 9
        }
    }
}

// How deeply a value nests. Equality, formatting, JSON and the other walks over a value recurse, so a value
// nested thousands deep (a recursive `def` wrapping its result in brackets at each of its 200 calls) would
// overflow the stack; list and record literals refuse to build one (E007).
extension Value {
    /// The deepest nesting a literal may build.
    package static let maxNesting = 1000

    /// Whether the value nests more than `limit` lists and records deep (stops as soon as it knows).
    package func nestsDeeper(than limit: Int) -> Bool {
        guard limit >= 0 else { return true }
        switch self {
        case .list(let items):
            for item in items where item.isContainer && item.nestsDeeper(than: limit - 1) { return true }
            return false
        case .record(let record):
            for pair in record.pairs where pair.value.isContainer && pair.value.nestsDeeper(than: limit - 1) {
                return true
            }
            return false
        default: return false
        }
    }

    var isContainer: Bool {
        switch self {
        case .list, .record: true
        default: false
        }
    }
}
