import AstSyntax

extension Interpreter {
    /// A bare number, duration or date bound to a string parameter (or a prefixed one such as
    /// `input.KEY=`) is the text as the user wrote it: `input.zip=02139` sends "02139", `input.t=10m`
    /// sends "10m", `list id=0345` filters on "0345". Reading it as a number first would lose the zero.
    /// nil when the expression is not such a literal or the parameter is typed otherwise.
    static func textAsTyped(_ expr: Expr, _ spec: ParamSpec?, source: SourceFile) -> Value? {
        guard spec == nil || spec?.type == .string else { return nil }
        switch expr.kind {
        case .literal(.int), .literal(.float), .literal(.duration), .literal(.time):
            return .string(source.text(of: expr.span))
        default:
            return nil
        }
    }
}
