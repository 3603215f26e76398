import AstRuntime
import AstSyntax
import Foundation

extension Invocation {
    /// The input as a stream (a single value is a one-item stream).
    var items: ValueStream { input.asStream }

    /// The input's items, collected.
    func collectItems() async throws -> [Value] { try await input.asStream.collect() }

    func int(_ index: Int) -> Int? { positional(index)?.intValue }

    /// The closure argument at `index`, or a clear error.
    func closure(_ index: Int, what: String) throws -> Closure {
        guard case .closure(let closure)? = positional(index) else {
            throw error("\(what)", help: "usage: \(interpreter.registry.lookup(signatureName)?.signature.usage ?? "")")
        }
        return closure
    }

    var signatureName: String { env.source.text(of: span).split(separator: " ").first.map(String.init) ?? "" }

    /// Reads FIELD (a path string) or calls a closure on an item.
    func key(_ selector: Value, of item: Value) async throws -> Value {
        switch selector {
        case .closure(let closure): return try await call(closure, with: item)
        case .string(let path): return try await FieldAccess.read(path: path, of: item, span: span, source: env.source)
        default: return item
        }
    }
}

/// A short label for an item in messages: its id when it has one.
func label(of item: Value) -> String {
    if let id = item.recordValue?["id"]?.stringValue { return id }
    let text = item.literal
    return text.count > 60 ? String(text.prefix(59)) + "…" : text
}
