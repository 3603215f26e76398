import Foundation

/// A whole script or prompt line.
package struct Program: Sendable {
    package var statements: [Statement]
    package var span: Span
}

package struct Block: Sendable {
    package var statements: [Statement]
    package var span: Span
    /// Height of the tree under this node (see `Expr.depth`).
    package let depth: Int

    package init(statements: [Statement], span: Span) {
        self.statements = statements
        self.span = span
        self.depth = 1 + statements.reduce(0) { Swift.max($0, $1.depth) }
    }
}

package struct Param: Sendable {
    package var name: String
    package var span: Span
    package var defaultValue: Expr?
    /// Written `--name`: on a script's `def main` command line an option (`--name VALUE`) or, without a
    /// default or type, a switch (`--name`).
    package var isFlag = false
    /// Written `name: TYPE` (one of `ParamTypes.all`): the type a script's `def main` converts its argument to.
    package var type: String?

    /// An option that takes a value (`--n: int`, `--window = 24h`), as opposed to a switch (`--dry`).
    package var takesValue: Bool { isFlag && (defaultValue != nil || (type != nil && type != "bool")) }
}

/// The types a parameter may declare (`def main(n: int)`).
package enum ParamTypes {
    package static let all = ["int", "float", "string", "bool", "duration", "time"]
}

package struct Statement: Sendable {
    package indirect enum Kind: Sendable {
        case `let`(name: String, nameSpan: Span, value: Pipeline)
        case def(name: String, nameSpan: Span, params: [Param], body: Block)
        case `if`(condition: Expr, then: Block, otherwise: Statement?)
        /// The bare `else { … }` branch of an `if`.
        case block(Block)
        case `for`(name: String, nameSpan: Span, sequence: Pipeline, body: Block)
        case `try`(body: Block, errorName: String?, handler: Block?)
        case `return`(Pipeline?)
        case `break`
        case `continue`
        case exit(Expr?)
        case pipeline(Pipeline)
    }

    package var kind: Kind
    package var span: Span
    /// Height of the tree under this node (see `Expr.depth`).
    package let depth: Int

    package init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
        self.depth = 1 + Statement.childDepth(kind)
    }
}

package struct Pipeline: Sendable {
    package var stages: [Stage]
    package var span: Span
    /// Height of the tree under this node (see `Expr.depth`).
    package let depth: Int

    package init(stages: [Stage], span: Span) {
        self.stages = stages
        self.span = span
        self.depth = 1 + stages.reduce(0) { Swift.max($0, $1.depth) }
    }
}

package enum Stage: Sendable {
    case command(CommandCall)
    case expr(Expr)

    package var span: Span {
        switch self {
        case .command(let call): call.span
        case .expr(let expr): expr.span
        }
    }
}

package struct CommandCall: Sendable {
    package var name: String
    package var nameSpan: Span
    package var arguments: [Argument]
    package var span: Span
}

package enum Argument: Sendable {
    case positional(Expr)
    case named(name: String, nameSpan: Span, value: Expr)
    case flag(name: String, span: Span, value: Expr?)
    /// The command stage given to `each` (`each -p 8 rerun`).
    case stage(CommandCall)

    package var span: Span {
        switch self {
        case .positional(let expr): expr.span
        case .named(_, let nameSpan, let value): nameSpan.merged(value.span)
        case .flag(_, let span, let value): value.map { span.merged($0.span) } ?? span
        case .stage(let call): call.span
        }
    }
}

package enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case duration(Double)
    case time(Date)
}

package enum BinaryOp: String, Sendable, CaseIterable {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case match = "=~", notMatch = "!~", `in`
    case coalesce = "??"
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    /// `1..5`: the integers from one to the other, both included (a lazy stream).
    case range = ".."
}

package enum UnaryOp: String, Sendable {
    case negate = "-", not
}

package enum InterpolationPart: Sendable {
    case text(String)
    case pipeline(Pipeline)
}

package struct Expr: Sendable {
    package indirect enum Kind: Sendable {
        case literal(Literal)
        case interpolation([InterpolationPart])
        /// An unquoted word in argument position: a string.
        case bareWord(String)
        case variable(String)
        /// `.name` on `base` (nil base: `$it`). `optional` is the `?` after the step.
        case field(base: Expr?, name: String, optional: Bool)
        case index(base: Expr, index: Expr, optional: Bool)
        case list([Expr])
        case record([(key: String, keySpan: Span, value: Expr)])
        case block(Block)
        case binary(BinaryOp, Expr, Expr)
        case unary(UnaryOp, Expr)
        case subpipeline(Pipeline)
        /// `if … { } else { }` or `try { } catch { }` used as a value (`let x = try { … } catch { … }`).
        case statement(Statement)
    }

    package var kind: Kind
    package var span: Span
    /// Height of the tree under this node (a literal is 1), counted through blocks and pipelines: what
    /// walking it recursively costs in stack. The parser bounds it (E007).
    package let depth: Int

    package init(_ kind: Kind, _ span: Span) {
        self.kind = kind
        self.span = span
        self.depth = 1 + Expr.childDepth(kind)
    }
}
