import AstRuntime
import AstSyntax
import Foundation

/// `set NAME VALUE`: changes a session setting.
struct SetCommand: Command {
    let signature = Signature(
        "set", "change a setting: confirm, dry-run, format, color, width, pushdown, trace, pager, timing, rate",
        category: "session",
        positionals: [
            ParamSpec("name", .string, "the setting", required: true, choices: Settings.names),
            ParamSpec("value", .any, "its new value", required: true),
        ],
        examples: [Example("set dry-run true", "print requests instead of sending changes", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        let name = call.positional(0)?.stringValue ?? ""
        let value = call.positional(1) ?? .null
        func bool() throws -> Bool {
            switch value {
            case .bool(let b): return b
            case .string("on"), .string("yes"), .string("true"): return true
            case .string("off"), .string("no"), .string("false"): return false
            default: throw call.error("\(name) must be true or false, got \(value.literal)", argument: "value")
            }
        }
        switch name {
        case "confirm":
            let b = try bool()
            call.interpreter.updateSettings { $0.confirm = b }
        case "dry-run":
            let b = try bool()
            call.interpreter.updateSettings { $0.dryRun = b }
        case "color":
            let b = try bool()
            call.interpreter.updateSettings { $0.color = b }
        case "pushdown":
            let b = try bool()
            call.interpreter.updateSettings { $0.pushdown = b }
        case "trace":
            let b = try bool()
            call.interpreter.updateSettings { $0.trace = b }
        case "pager":
            let b = try bool()
            call.interpreter.updateSettings { $0.pager = b }
        case "timing":
            let b = try bool()
            call.interpreter.updateSettings { $0.timing = b }
        case "width":
            guard let w = value.intValue, w >= 20 else {
                throw call.error("width must be a number of columns (20 or more)", argument: "value")
            }
            call.interpreter.updateSettings { $0.width = w }
        case "format":
            guard let format = Settings.Format(rawValue: value.text) else {
                throw call.error(
                    "format must be one of \(Settings.Format.allCases.map(\.rawValue).joined(separator: ", "))",
                    argument: "value")
            }
            call.interpreter.updateSettings { $0.format = format }
        case "rate":
            // `set rate off` lifts the cap; otherwise every API request of the session is paced.
            if ["off", "none"].contains(value.text) {
                RequestPacing.setSession(perSecond: nil, on: call.interpreter)
                return .null
            }
            guard let perSecond = RequestPacing.parse(value.text) else {
                throw call.error("rate must be like 10/s, 600/m or off, got \(value.literal)", argument: "value")
            }
            RequestPacing.setSession(perSecond: perSecond, on: call.interpreter)
        default:
            throw call.error(
                "unknown setting '\(name)'", argument: "name", help: Suggest.help(for: name, in: Settings.names))
        }
        return .null
    }
}

/// `sleep DURATION`: waits (Ctrl-C interrupts).
struct SleepCommand: Command {
    let signature = Signature(
        "sleep", "wait for a while", category: "session",
        positionals: [ParamSpec("duration", .duration, "how long, e.g. 500ms or 2s", required: true)],
        examples: [Example("sleep 10ms", "a short pause", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        guard case .duration(let seconds)? = call.positional(0), seconds >= 0, seconds <= 31_536_000 else {
            throw call.error("sleep needs a duration from 0 to 365d", argument: "duration")
        }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        return call.input
    }
}

/// `source PATH`: runs a script file here, so its `def`s and `let`s become available.
struct SourceCommand: Command {
    let signature = Signature(
        "source", "run a script file in the current session (its definitions stay)", category: "session",
        positionals: [ParamSpec("path", .string, "the .ast file", required: true)],
        examples: [Example("source lib.ast", "load helper functions", result: nil)], effects: [.files])

    func run(_ call: Invocation) async throws -> Value {
        guard let path = call.positional(0)?.stringValue else { throw call.error("source needs a path") }
        let chain = call.env.sources + [path]
        guard chain.count <= Interpreter.maxSourceDepth else {
            throw call.error(
                "source is nested too deeply (more than \(Interpreter.maxSourceDepth) files): \(Self.describe(chain))",
                argument: "path",
                help: "a file that sources itself (directly or through others) never ends; guard it with an if",
                code: DiagnosticCode.tooDeep)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw call.error("cannot read \(path): no such file", argument: "path")
        }
        let file = SourceFile(name: path, text: String(decoding: data, as: UTF8.self))
        let parsed = Parser.parse(file, options: call.interpreter.parserOptions)
        if let first = parsed.diagnostics.first {
            throw RuntimeError(first, details: [])
        }
        let env = Env(scope: call.env.scope, source: file, depth: call.env.depth + 1, sources: chain)
        var last: Value = .null
        for statement in parsed.program.statements { last = try await call.interpreter.execute(statement, env: env) }
        return last.isNull ? .null : try await last.materialized()
    }

    /// `a.ast → b.ast → a.ast → … → b.ast`: the start of the chain and where it ended.
    static func describe(_ chain: [String]) -> String {
        guard chain.count > 6 else { return chain.joined(separator: " → ") }
        return (chain.prefix(4) + ["…"] + chain.suffix(2)).joined(separator: " → ")
    }
}
