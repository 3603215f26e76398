import AstRuntime
import AstSyntax
import AsteroidModels
import Foundation

/// Splits a `where` condition into conjuncts and finds the ones the API can answer (`PushedFilter`).
///
/// A conjunct is pushed only if the ones before it cannot fail: `a and b` never evaluates `b` where `a`
/// is false, so a server that leaves out the items where a later `b` is false must not hide an error
/// that `a` would have raised on them.
struct WhereAnalysis {
    /// A conjunct and what became of it.
    enum Outcome {
        case pushed(PushedFilter)
        case kept(reason: String)
    }

    let interpreter: Interpreter
    let env: Env

    /// The top-level `and` operands, left to right.
    static func conjuncts(_ expr: Expr) -> [Expr] {
        if case .binary(.and, let left, let right) = expr.kind { return conjuncts(left) + conjuncts(right) }
        return [expr]
    }

    /// Each conjunct as written, what became of it, and whether a kept one may fail on some execution.
    func analyze(_ condition: Expr) async -> [(text: String, outcome: Outcome, mayFail: Bool)] {
        var results: [(String, Outcome, Bool)] = []
        var mayFailBefore: String?
        for conjunct in Self.conjuncts(condition) {
            let text = env.source.text(of: conjunct.span)
            var outcome: Outcome
            if let earlier = mayFailBefore {
                outcome = .kept(
                    reason:
                        "\(earlier) comes first and may fail on items the API would leave out (write this one first)")
            } else {
                outcome = await classify(conjunct, text: text)
            }
            var fails = false
            if case .kept = outcome { fails = await mayFail(conjunct) }
            if mayFailBefore == nil, fails { mayFailBefore = text }
            results.append((text, outcome, fails))
        }
        return results
    }

    // MARK: - One conjunct

    func classify(_ expr: Expr, text: String) async -> Outcome {
        switch expr.kind {
        case .binary(.or, _, _):
            if let statuses = await statusUnion(expr) {
                return .pushed(PushedFilter(kind: .status(statuses), exact: true, source: text))
            }
            return .kept(reason: "an `or` is pushed only over one status")
        case .binary(let op, let left, let right) where [.eq, .ne, .lt, .le, .gt, .ge, .in].contains(op):
            if let path = Self.path(left), let constant = await constant(right) {
                return comparison(path, op, constant, text: text)
            }
            if op != .in, let path = Self.path(right), let constant = await constant(left) {
                return comparison(path, op.flipped, constant, text: text)
            }
            if case .field(.some, _, _) = left.kind, Self.path(left) == nil {
                return .kept(
                    reason: "write the last step with ? (.a.b?): without it the path fails where the key is missing")
            }
            return .kept(reason: "not a field compared with a value")
        default:
            return .kept(reason: "not a comparison the API can answer")
        }
    }

    /// `.status == "a" or .status in ["b", "c"]`: the statuses, or nil.
    func statusUnion(_ expr: Expr) async -> Set<String>? {
        switch expr.kind {
        case .binary(.or, let left, let right):
            guard let a = await statusUnion(left), let b = await statusUnion(right) else { return nil }
            return a.union(b)
        case .binary(let op, let left, let right) where op == .eq || op == .in:
            guard let path = Self.path(left), path == ["status"], let constant = await constant(right),
                case .pushed(let filter) = comparison(path, op, constant, text: ""),
                case .status(let set) = filter.kind
            else { return nil }
            return set
        default: return nil
        }
    }

    func comparison(_ path: [String], _ op: BinaryOp, _ value: Value, text: String) -> Outcome {
        func pushed(_ kind: PushedFilter.Kind, exact: Bool) -> Outcome {
            .pushed(PushedFilter(kind: kind, exact: exact, source: text))
        }
        let string = value.stringValue.flatMap { Self.isPlain($0) ? $0 : nil }
        let field = path.joined(separator: ".")
        let nested = path.count == 2 ? path[1] : ""
        switch (field, op) {
        case ("status", .eq), ("status", .ne):
            guard let string, ExecutionStatus(knownRawValue: string) != nil else {
                return .kept(reason: "not one of the statuses the API knows")
            }
            let set = op == .eq ? [string] : Set(ExecutionStatus.knownRawValues).subtracting([string])
            return pushed(.status(set), exact: true)
        case ("status", .in):
            guard case .list(let items) = value, !items.isEmpty else { return .kept(reason: "not a list of statuses") }
            var set: Set<String> = []
            for item in items {
                guard let text = item.stringValue, ExecutionStatus(knownRawValue: text) != nil else {
                    return .kept(reason: "not all of them are statuses the API knows")
                }
                set.insert(text)
            }
            return pushed(.status(set), exact: true)
        case ("createdAt", .gt), ("createdAt", .ge), ("createdAt", .lt), ("createdAt", .le):
            guard case .time(let date) = value else { return .kept(reason: "createdAt is compared with a time only") }
            return Self.timeBound(date, op).map { pushed($0.kind, exact: $0.exact) }
                ?? .kept(reason: "the time is outside the years 0001–9999")
        case ("agentId", .eq), ("workflowId", .eq):
            guard let string, UUIDFormat.isValid(string) else { return .kept(reason: "not a UUID") }
            // The API matches ids case-insensitively: loose.
            return pushed(.workflow(parameter: field, id: string), exact: false)
        case ("id", .eq):
            guard let string, !string.isEmpty else { return .kept(reason: "not a plain text value") }
            return pushed(.executionId(string), exact: false)
        case ("workflowVersion", .eq):
            guard case .int(let version) = value, version >= 1 else { return .kept(reason: "not a version number") }
            return pushed(.version(version), exact: false)
        case ("executionResult.outcome", .eq):
            guard let string else { return .kept(reason: "not a plain text value") }
            return pushed(.outcome(string), exact: false)
        case (_, .eq) where path.count == 2 && path[0] == "metadata":
            guard let string, Self.isPlain(nested), !nested.isEmpty, !nested.contains("=") else {
                return .kept(reason: "metadata is pushed for plain text keys and values only")
            }
            return pushed(.metadata(key: nested, value: string), exact: true)
        case (_, .eq) where path.count == 2 && path[0] == "inputs":
            guard let string, Self.isPlain(nested), !nested.isEmpty else {
                return .kept(reason: "inputs are pushed for plain text values only")
            }
            return pushed(.input(key: nested, value: string), exact: false)
        default:
            return .kept(reason: "the API has no filter for .\(field) \(op.rawValue)")
        }
    }

    /// The `createdAfter`/`createdBefore` bound for `.createdAt OP date` (both inclusive, to the
    /// millisecond). Exact unless `date` lies within 10 µs of a millisecond, where rounding could go either
    /// way; then the bound is widened by that millisecond and the client decides.
    static func timeBound(_ date: Date, _ op: BinaryOp) -> (kind: PushedFilter.Kind, exact: Bool)? {
        let scaled = date.timeIntervalSince1970 * 1000
        guard scaled.isFinite, TimeWindow.writableTimes.contains(date) else { return nil }
        let nearest = scaled.rounded()
        func at(_ millis: Double) -> Date { Date(timeIntervalSince1970: millis / 1000) }
        if date.timeIntervalSince1970 == date.timeIntervalSince1970.rounded() {
            // A whole second (`2026-11-01`, `…T10:00:00Z`) is exact in binary, as are the creation times
            // on it: the inclusive bounds say the same as the comparison.
            switch op {
            case .gt: return (.createdAfter(at(nearest + 1)), true)
            case .ge: return (.createdAfter(at(nearest)), true)
            case .lt: return (.createdBefore(at(nearest - 1)), true)
            default: return (.createdBefore(at(nearest)), true)
            }
        }
        if abs(scaled - nearest) < 0.01 {
            return op == .gt || op == .ge ? (.createdAfter(at(nearest)), false) : (.createdBefore(at(nearest)), false)
        }
        let floor = scaled.rounded(.down)
        return op == .gt || op == .ge ? (.createdAfter(at(floor + 1)), true) : (.createdBefore(at(floor)), true)
    }

    /// Plain text: ASCII without control characters. (The API compares bytes and folds ASCII case only;
    /// the language compares canonically equivalent Unicode as equal.)
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }
    }

    // MARK: - Operands

    /// The field path an operand reads of the item: `.status` → ["status"], `.metadata.team?` →
    /// ["metadata", "team"]. Only paths that cannot fail on an execution: a top-level field of the
    /// schema, then steps written with `?` (they read null for a missing key or a null record).
    static func path(_ expr: Expr) -> [String]? {
        guard case .field(let base, let name, let optional) = expr.kind else { return nil }
        guard let base else { return Execution.fieldNames.contains(name) ? [name] : nil }
        if case .variable("it") = base.kind { return Execution.fieldNames.contains(name) ? [name] : nil }
        guard optional, let prefix = path(base) else { return nil }
        return prefix + [name]
    }

    /// The value of an operand that does not depend on the item (`"failed"`, `$now - 7d`, `$cutoff`);
    /// nil when it does, or when evaluating it fails (then the client evaluates it, as without pushdown).
    func constant(_ expr: Expr) async -> Value? {
        guard Self.isConstant(expr) else { return nil }
        return try? await interpreter.evaluate(expr, it: .null, env: env).materialized()
    }

    static func isConstant(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .literal, .bareWord: return true
        case .variable(let name): return name != "it"
        case .list(let items): return items.allSatisfy(isConstant)
        case .record(let fields): return fields.allSatisfy { isConstant($0.value) }
        case .binary(_, let a, let b): return isConstant(a) && isConstant(b)
        case .unary(_, let a): return isConstant(a)
        case .interpolation(let parts):
            return parts.allSatisfy { if case .text = $0 { true } else { false } }
        default: return false
        }
    }

    /// Whether evaluating the conjunct on an execution might raise an error (conservative: true unless
    /// it is `==`/`!=`/`in` or a time comparison over safe paths and constants, combined with and/or/not).
    func mayFail(_ expr: Expr) async -> Bool {
        switch expr.kind {
        case .binary(.and, let a, let b), .binary(.or, let a, let b):
            if await mayFail(a) { return true }
            return await mayFail(b)
        case .unary(.not, let a):
            return await mayFail(a)
        case .binary(let op, let a, let b) where op == .eq || op == .ne:
            guard await safeOperand(a) else { return true }
            return !(await safeOperand(b))
        case .binary(.in, let a, let b):
            guard await safeOperand(a), case .list? = await constant(b) else { return true }
            return false
        case .binary(let op, let a, let b) where [.lt, .le, .gt, .ge].contains(op):
            guard Self.path(a) == ["createdAt"] || Self.path(b) == ["createdAt"] else { return true }
            let other = Self.path(a) == ["createdAt"] ? b : a
            guard case .time? = await constant(other) else { return true }
            return false
        default:
            return true
        }
    }

    func safeOperand(_ expr: Expr) async -> Bool {
        if Self.path(expr) != nil { return true }
        return await constant(expr) != nil
    }
}

extension BinaryOp {
    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    var flipped: BinaryOp {
        switch self {
        case .lt: .gt
        case .le: .ge
        case .gt: .lt
        case .ge: .le
        default: self
        }
    }
}
