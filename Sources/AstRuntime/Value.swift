import AstSyntax
import Foundation

/// Every value of the language: a small closed, `Sendable` enum. Truthiness, equality, ordering and
/// formatting are each defined once (Value+Semantics.swift, Value+Format.swift).
package enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case time(Date)
    /// Seconds.
    case duration(Double)
    case list([Value])
    case record(Record)
    /// Boxed: a closure is large (~100 bytes) and rare; inline it would make every value that size.
    indirect case closure(Closure)
    /// A lazy, possibly unbounded sequence.
    case stream(ValueStream)

    /// The type's name as messages spell it.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .time: "time"
        case .duration: "duration"
        case .list: "list"
        case .record(let record): record.schema.map { "\($0.name) record" } ?? "record"
        case .closure: "closure"
        case .stream: "stream"
        }
    }

    package var isNull: Bool { if case .null = self { true } else { false } }

    package var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    package var recordValue: Record? { if case .record(let r) = self { r } else { nil } }

    package var intValue: Int? {
        switch self {
        case .int(let v): v
        case .float(let v) where v == v.rounded() && abs(v) < 9e15: Int(v)
        default: nil
        }
    }

    package var doubleValue: Double? {
        switch self {
        case .int(let v): Double(v)
        case .float(let v): v
        default: nil
        }
    }
}

/// A function value: a block, an expression (`where`), or a command stage (`each rerun`) with the scope
/// it was created in.
package struct Closure: Sendable {
    package enum Body: Sendable {
        case block(Block)
        case expr(Expr)
        case stage(CommandCall)
    }

    package var name: String?
    package var params: [AstSyntax.Param]
    package var body: Body
    package var scope: Scope
    package var source: SourceFile

    package init(name: String? = nil, params: [AstSyntax.Param] = [], body: Body, scope: Scope, source: SourceFile) {
        self.name = name
        self.params = params
        self.body = body
        self.scope = scope
        self.source = source
    }

    package var span: Span {
        switch body {
        case .block(let block): block.span
        case .expr(let expr): expr.span
        case .stage(let call): call.span
        }
    }
}
