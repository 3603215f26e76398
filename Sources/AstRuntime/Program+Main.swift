import AstSyntax
import Foundation

/// A script's `def main(agent, --window = 24h, --dry)`: its parameters are the script's command line.
/// Plain parameters are positionals (optional with a default); `--name` parameters are options, taking a
/// value when they have a default or a type (`--window 2h`, `--window=2h`) and otherwise switches (`--dry`).
/// A value is converted to the parameter's type (`n: int`) or to its default's type (`24h`: a duration);
/// without either it stays the text as typed. `--help` prints the usage generated from the parameters;
/// a bad, missing or unknown argument is a usage error (exit 2) naming it, before anything runs.
struct ScriptMain {
    struct Option {
        var param: Param
        /// `int`, `float`, `string`, `bool`, `duration`, `time`; nil: the text as typed.
        var type: String?
        var isSwitch: Bool { param.isFlag && !param.takesValue }
        var placeholder: String { (type ?? "text").uppercased() }
    }

    let script: String
    let options: [Option]
    /// The comment lines just above `def main`, shown by `--help`.
    let description: [String]

    enum Parsed {
        case help(String)
        case arguments([(String?, Value)])
    }

    /// The top-level `def main` of a program, if any.
    static func find(in program: Program) -> (params: [Param], span: Span, body: Block)? {
        for statement in program.statements {
            if case .def(let name, _, let params, let body) = statement.kind, name == "main" {
                return (params, statement.span, body)
            }
        }
        return nil
    }

    /// Types each parameter: its declared type, or its default's (evaluated now; a default that cannot be
    /// evaluated before the script runs leaves the text as typed).
    init(params: [Param], defSpan: Span, source: SourceFile, interpreter: Interpreter) async {
        script = (source.name as NSString).lastPathComponent
        var options: [Option] = []
        for param in params {
            var type = param.type
            if type == nil, let expr = param.defaultValue {
                let value = try? await interpreter.evaluate(expr, env: Env(scope: interpreter.globals, source: source))
                type = value.flatMap(Self.typeName(of:))
            }
            options.append(Option(param: param, type: type))
        }
        self.options = options
        let before = source.text.utf8.prefix(defSpan.start)
        var lines = String(decoding: before, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
        var comments: [String] = []
        while let line = lines.last?.trimmingCharacters(in: .whitespaces), line.hasPrefix("#"), !line.hasPrefix("#!") {
            comments.insert(String(line.dropFirst()).trimmingCharacters(in: .whitespaces), at: 0)
            lines.removeLast()
        }
        description = comments
    }

    /// A duration as typed on a command line, where `-90m` is a negative one.
    static func duration(_ text: String) -> Double? {
        text.hasPrefix("-") ? Literals.duration(String(text.dropFirst())).map { -$0 } : Literals.duration(text)
    }

    /// The script's command line, as `$args` holds it.
    static func arguments(_ args: Value?) -> [String] {
        guard case .list(let items)? = args else { return [] }
        return items.map(\.text)
    }

    static func typeName(of value: Value) -> String? {
        switch value {
        case .int: "int"
        case .float: "float"
        case .string: "string"
        case .bool: "bool"
        case .duration: "duration"
        case .time: "time"
        default: nil
        }
    }

    var usage: String {
        var parts = ["usage: \(script)"]
        for option in options where !option.param.isFlag {
            let name = option.param.name.uppercased()
            parts.append(option.param.defaultValue == nil ? name : "[\(name)]")
        }
        for option in options where option.param.isFlag {
            parts.append(
                option.isSwitch ? "[--\(option.param.name)]" : "[--\(option.param.name) \(option.placeholder)]")
        }
        return parts.joined(separator: " ")
    }

    func help(source: SourceFile) -> String {
        var out = [usage]
        if !description.isEmpty { out += [""] + description }
        func row(_ left: String, _ right: String) -> String {
            "  " + left.padding(toLength: Swift.max(22, left.count + 2), withPad: " ", startingAt: 0) + right
        }
        func defaultText(_ param: Param) -> String? {
            param.defaultValue.map { "default: " + source.text(of: $0.span) }
        }
        let positionals = options.filter { !$0.param.isFlag }
        if !positionals.isEmpty {
            out += ["", "arguments:"]
            for option in positionals {
                let notes = [option.type ?? "text", defaultText(option.param) ?? "required"]
                out.append(row(option.param.name.uppercased(), notes.joined(separator: ", ")))
            }
        }
        out += ["", "options:"]
        for option in options where option.param.isFlag {
            let left = option.isSwitch ? "--\(option.param.name)" : "--\(option.param.name) \(option.placeholder)"
            out.append(row(left, option.isSwitch ? "a switch" : defaultText(option.param) ?? "optional"))
        }
        out.append(row("--help, -h", "show this help"))
        return out.joined(separator: "\n") + "\n"
    }

    /// The command line as arguments for `main`, or `--help`'s text; a usage error is a thrown diagnostic.
    func parse(_ arguments: [String], source: SourceFile) throws -> Parsed {
        var named: [(String?, Value)] = []
        var positionals = options.filter { !$0.param.isFlag }[...]
        var rest = arguments[...]
        var optionsEnded = false
        func fail(_ message: String) -> Diagnostic {
            Diagnostic(DiagnosticCode.badArgument, message, help: "\(usage)  (see \(script) --help)")
        }
        while let argument = rest.popFirst() {
            if !optionsEnded, argument == "--help" || argument == "-h" { return .help(help(source: source)) }
            if !optionsEnded, argument == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded, argument.hasPrefix("-"), argument.count > 1, Double(argument) == nil,
                Self.duration(argument) == nil
            {
                let body = argument.drop { $0 == "-" }
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard argument.hasPrefix("--"),
                    let option = options.first(where: { $0.param.isFlag && $0.param.name == name })
                else {
                    var diagnostic = fail("\(script): unknown option \(argument)")
                    let names = options.filter(\.param.isFlag).map(\.param.name)
                    if let suggestion = Suggest.help(for: name, in: names) { diagnostic.help = suggestion }
                    throw diagnostic
                }
                if named.contains(where: { $0.0 == name }) { throw fail("\(script): --\(name) is given twice") }
                if option.isSwitch {
                    guard let inline else {
                        named.append((name, .bool(true)))
                        continue
                    }
                    guard inline == "true" || inline == "false" else {
                        throw fail("\(script): --\(name) is a switch; it takes true or false, got '\(inline)'")
                    }
                    named.append((name, .bool(inline == "true")))
                    continue
                }
                guard let text = inline ?? rest.popFirst() else {
                    throw fail("\(script): --\(name) needs a value (\(option.placeholder.lowercased()))")
                }
                named.append((name, try convert(text, option, what: "--\(name)", fail: fail)))
                continue
            }
            guard let option = positionals.popFirst() else {
                let count = options.filter { !$0.param.isFlag }.count
                throw fail(
                    "\(script): unexpected argument '\(argument)' (it takes \(count == 0 ? "no" : "at most \(count)") "
                        + "positional argument\(count == 1 ? "" : "s"))"
                )
            }
            named.append(
                (option.param.name, try convert(argument, option, what: option.param.name.uppercased(), fail: fail)))
        }
        for option in positionals where option.param.defaultValue == nil {
            throw fail("\(script): missing argument \(option.param.name.uppercased())")
        }
        for option in options where option.param.isFlag && option.param.defaultValue == nil {
            if !named.contains(where: { $0.0 == option.param.name }) {
                named.append((option.param.name, option.isSwitch ? .bool(false) : .null))
            }
        }
        return .arguments(named)
    }

    private func convert(_ text: String, _ option: Option, what: String, fail: (String) -> Diagnostic) throws -> Value {
        let value: Value?
        switch option.type {
        case "int": value = Int(text).map { .int($0) }
        case "float": value = Double(text).flatMap { $0.isFinite ? .float($0) : nil }
        case "bool": value = text == "true" || text == "false" ? .bool(text == "true") : nil
        case "duration": value = Self.duration(text).map { .duration($0) }
        case "time": value = Literals.time(text).map { .time($0) }
        default: value = .string(text)
        }
        guard let value else {
            let article = option.type == "int" ? "an" : "a"
            throw fail("\(script): \(what) expects \(article) \(option.type ?? "text"), got '\(text)'")
        }
        return value
    }
}
