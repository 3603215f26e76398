import AstRuntime
import Foundation

/// `table`: renders the input as a table (text), whatever the output.
struct TableCommand: Command {
    let signature = Signature(
        "table", "render as a table", category: "output",
        examples: [Example("[{a: 1, b: \"x\"}] | table", "a one-row table", result: "\"a  b\\n1  x\"")])

    func run(_ call: Invocation) async throws -> Value {
        let settings = call.interpreter.settings
        // Cut to the screen only on a screen: `… | table > file` keeps whole rows (ids intact).
        let width = settings.terminalOutput ? settings.width : Int.max
        return .string(Table.render(try await call.input.materialized(), width: width, color: settings.color))
    }
}

/// `json`: the input as indented JSON text.
struct JSONCommand: Command {
    let signature = Signature(
        "json", "render as JSON text", category: "output",
        flags: [FlagSpec("compact", short: "c", "on one line")],
        examples: [Example("{a: [1, 2]} | json -c", "compact JSON", result: "\"{\\\"a\\\":[1,2]}\"")])

    func run(_ call: Invocation) async throws -> Value {
        .string(JSONText.encode(try await call.input.materialized(), pretty: !call.flag("compact")))
    }
}

/// `jsonl`: one compact JSON document per item.
struct JSONLinesCommand: Command {
    let signature = Signature(
        "jsonl", "render as JSON Lines text", category: "output",
        examples: [Example("[1, {a: 2}] | jsonl", "one line per item", result: "\"1\\n{\\\"a\\\":2}\"")])

    func run(_ call: Invocation) async throws -> Value {
        .string(try await call.collectItems().map { JSONText.encode($0) }.joined(separator: "\n"))
    }
}

/// `csv`: the input records as CSV text with a header row.
struct CSVCommand: Command {
    let signature = Signature(
        "csv", "render records as CSV text", category: "output",
        examples: [Example("[{a: 1, b: \"x,y\"}] | csv", "quoted where needed", result: "\"a,b\\n1,\\\"x,y\\\"\"")])

    func run(_ call: Invocation) async throws -> Value {
        .string(CSV.encode(.list(try await call.collectItems())))
    }
}

/// `print VALUE…`: writes its arguments (or its input) to the output now.
struct PrintCommand: Command {
    let signature = Signature(
        "print", "write text to the output", category: "output",
        rest: ParamSpec("value", .any, "values to print, separated by spaces"),
        flags: [FlagSpec("stderr", short: "e", "write to standard error")],
        examples: [Example("print \"hello\" 42", "prints: hello 42", result: nil)])

    func run(_ call: Invocation) async throws -> Value {
        var parts: [String] = []
        if call.positionals.isEmpty {
            let value = try await call.input.materialized()
            // No arguments and no input: an empty line (like `echo`), not "null".
            if !value.isNull {
                parts.append(value.stringValue ?? Renderer(settings: call.interpreter.settings).render(value))
            }
        }
        for value in call.positionals { parts.append(try await value.materialized().text) }
        let text = parts.joined(separator: " ") + "\n"
        if call.flag("stderr") { call.interpreter.output.writeError(text) } else { call.interpreter.output.write(text) }
        return .null
    }
}
