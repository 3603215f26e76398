import AstRuntime
import AstSyntax

extension Invocation {
    /// The value of `name=VALUE` exactly as the user typed it, when it was a duration literal: a user's
    /// `createdWithin=90s` reaches the API as `90s` (and the API's rule judges it), not re-rendered as `1m30s`.
    func writtenDuration(_ name: String) -> String? {
        let source = env.source
        guard case .duration? = named[name], let span = argumentSpans[name], span.start >= 0,
            span.end <= source.bytes.count
        else { return nil }
        let written = String(decoding: source.bytes[span.start..<span.end], as: UTF8.self)
        guard let equals = written.firstIndex(of: "="), written[..<equals] == name else { return nil }
        return String(written[written.index(after: equals)...])
    }
}
