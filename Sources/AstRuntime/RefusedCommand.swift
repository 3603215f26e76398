import AstSyntax

extension DiagnosticCode {
    /// A command whose effect the host denied (`rerun` in a read-only engine, `save` without file access).
    package static let notAllowed = "E050"
    /// A step or wall-clock budget set by the host ran out.
    package static let budgetExceeded = "E051"
}

/// A command a host has denied: it keeps its signature (so `help`, completion and did-you-mean still know
/// it), the checker refuses a program that calls it before anything runs, and a call that reaches it
/// anyway (from a file run by `source`) fails without running it.
package struct RefusedCommand: Command {
    package let signature: Signature
    /// Why, as the message says it: "this engine is read-only".
    package let reason: String

    package func run(_ call: Invocation) async throws -> Value {
        throw call.error(message, help: help, code: DiagnosticCode.notAllowed)
    }

    package var message: String { "\(signature.name) is not allowed: \(reason)" }
    package var help: String { Self.help }
    package static let help = "the program that runs this script does not allow it"
}

extension Registry {
    /// The same table with every command that may have one of `effects` refused, saying `reason(effect)`, and
    /// the effects recorded so an argument that declares one (`watch state=`) is refused where it is given.
    package func refusing(_ effects: Set<Effect>, reason: (Effect) -> String) -> Registry {
        guard !effects.isEmpty else { return self }
        var copy = self
        for effect in effects { copy.deny(effect, because: reason(effect)) }
        var refused: [any Command] = []
        for name in names {
            guard let command = lookup(name), !(command is RefusedCommand) else { continue }
            let denied = command.signature.allEffects.intersection(effects)
            guard let first = Effect.allCases.first(where: denied.contains) else { continue }
            refused.append(RefusedCommand(signature: command.signature, reason: reason(first)))
        }
        return copy.merging(refused)
    }
}
