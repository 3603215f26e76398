import AstRuntime
import AstSyntax

/// `help [COMMAND]`: generated from the command signatures, so it cannot drift from behaviour.
struct HelpCommand: Command {
    let signature = Signature(
        "help", "list the commands, or describe one", category: "session",
        positionals: [ParamSpec("command", .string, "a command name")],
        examples: [Example("help count", "the description of count", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        let registry = call.interpreter.registry
        guard let name = call.positional(0)?.stringValue else {
            var byCategory: [String: [Signature]] = [:]
            for command in registry.names.compactMap(registry.lookup) {
                byCategory[command.signature.category, default: []].append(command.signature)
            }
            let order = ["api", "filters", "aggregates", "output", "files", "session"]
            let width = (registry.names.map(\.count).max() ?? 0) + 2
            var lines: [String] = []
            for category in order + byCategory.keys.filter({ !order.contains($0) }).sorted() {
                guard let signatures = byCategory[category] else { continue }
                lines.append("\(category):")
                for s in signatures {
                    let refused = (registry.lookup(s.name) as? RefusedCommand).map { " [not allowed: \($0.reason)]" }
                    let name = s.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    lines.append("  " + name + s.summary + (refused ?? ""))
                }
            }
            lines.append("run 'help COMMAND' for its arguments and examples")
            return .string(lines.joined(separator: "\n"))
        }
        guard let command = registry.lookup(name) else {
            throw call.error(
                "unknown command '\(name)'", argument: "command", help: Suggest.help(for: name, in: registry.names))
        }
        return .string(Self.describe(command.signature, in: registry))
    }

    /// The help of one command; what the program running it refuses (an embedding host) is marked.
    static func describe(_ s: Signature, in registry: Registry) -> String {
        var lines = ["\(s.name) — \(s.summary)", "", "usage: \(s.usage)"]
        if let refused = registry.lookup(s.name) as? RefusedCommand {
            lines.insert("not allowed here: \(refused.reason)", at: 1)
        }
        let params = s.positionals + (s.rest.map { [$0] } ?? [])
        if !params.isEmpty {
            lines.append("")
            lines.append("arguments:")
            for p in params { lines.append("  \(p.name.uppercased())  \(p.help)\(p.required ? " (required)" : "")") }
        }
        if !s.named.isEmpty || !s.namedPrefixes.isEmpty {
            lines.append("")
            lines.append("named:")
            for p in s.named {
                lines.append(
                    "  \(p.name)=\(p.type.rawValue.uppercased()) "
                        + " \(p.help)\(p.choices.isEmpty ? "" : " (one of: \(p.choices.joined(separator: ", ")))")"
                        + (registry.refusal(of: p, in: s.name) == nil ? "" : " (not allowed here)")
                )
            }
            for prefix in s.namedPrefixes { lines.append("  \(prefix)KEY=VALUE") }
        }
        if !s.flags.isEmpty {
            lines.append("")
            lines.append("flags:")
            for f in s.flags {
                lines.append(
                    "  --\(f.name)\(f.short.map { ", -\($0)" } ?? "")"
                        + "\(f.valueType.map { " \($0.rawValue.uppercased())" } ?? "")  \(f.help)"
                )
            }
        }
        if s.isMutating {
            lines.append("")
            lines.append("changes executions: honours --dry-run; asks before changing more than one")
            lines.append("several at once: yields every success; failures are listed after the statement and kept in")
            lines.append("$failed ({id, error, outcome}), so `$failed | each \(s.name)` retries exactly those")
        }
        if !s.examples.isEmpty {
            lines.append("")
            lines.append("examples:")
            for e in s.examples {
                lines.append("  \(e.code)")
                lines.append("    # \(e.description)\(e.result.map { " → \($0)" } ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
