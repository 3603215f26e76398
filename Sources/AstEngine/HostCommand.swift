/// A command a host adds to the language: a Swift function with a declared signature. It is listed by
/// `help`, completed at the prompt, suggested by "did you mean", checked for unknown arguments, and, when
/// it declares ``Capabilities/mutations``, treated as a change (refused by a read-only engine, confirmed in bulk).
public struct HostCommand: Sendable {
    /// The name scripts call it by.
    public var name: String
    /// One line, as `help` lists it.
    public var summary: String
    /// The heading `help` lists it under (default "host").
    public var category: String
    /// `NAME VALUE`, in order.
    public var positionals: [HostParameter]
    /// `name=value`.
    public var named: [HostParameter]
    /// `--flag` or `-f`, with or without a value.
    public var flags: [HostFlag]
    /// Shown by `help NAME`.
    public var examples: [HostExample]
    /// What it may do beyond computing a value: `.mutations` (changes executions), `.files`, `.network`.
    public var effects: Capabilities
    /// Runs one call; a thrown ``HostCommandError`` (or any error) becomes the script's error at the call.
    public var run: @Sendable (HostCall) async throws -> Value

    /// A command named `name` with its signature and the function that runs a call.
    public init(
        _ name: String, summary: String, category: String = "host", positionals: [HostParameter] = [],
        named: [HostParameter] = [], flags: [HostFlag] = [], examples: [HostExample] = [],
        effects: Capabilities = [], run: @escaping @Sendable (HostCall) async throws -> Value
    ) {
        self.name = name
        self.summary = summary
        self.category = category
        self.positionals = positionals
        self.named = named
        self.flags = flags
        self.examples = examples
        self.effects = effects
        self.run = run
    }
}

/// One argument of a ``HostCommand``. Arguments are converted to its type (`5` → "5" for a string) or refused.
public struct HostParameter: Sendable {
    /// The kinds of value a parameter takes (as in `help`: INT, STRING, …).
    public enum Kind: String, Sendable {
        case any, int, number, string, bool, duration, time, list, record
    }

    /// The name (`help` shows positionals in capitals; named ones are `name=`).
    public var name: String
    /// What it accepts.
    public var kind: Kind
    /// One line for `help NAME`.
    public var help: String
    /// Whether a call without it is refused.
    public var required: Bool
    /// The only values accepted, when the set is closed (completion offers them).
    public var choices: [String]

    /// A parameter: its name, the kind of value it takes, a help line for `help`.
    public init(
        _ name: String, _ kind: Kind = .any, _ help: String = "", required: Bool = false, choices: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.help = help
        self.required = required
        self.choices = choices
    }
}

/// A flag of a ``HostCommand``: a switch (`--strict`) or one taking a value (`--limit 5`).
public struct HostFlag: Sendable {
    /// The flag's long name (`--double`).
    public var name: String
    /// The one-letter form (`-d`), if any.
    public var short: String?
    /// nil: a switch.
    public var value: HostParameter.Kind?
    /// One line for `help NAME`.
    public var help: String

    /// A flag: its long name, an optional one-letter name, the kind of value it takes (nil: a switch).
    public init(_ name: String, short: String? = nil, value: HostParameter.Kind? = nil, _ help: String = "") {
        self.name = name
        self.short = short
        self.value = value
        self.help = help
    }
}

/// An example call of a ``HostCommand``, shown by `help NAME`.
public struct HostExample: Sendable {
    /// The call, as typed.
    public var code: String
    /// What it does.
    public var description: String

    /// An example: the code and what it does.
    public init(_ code: String, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// One call of a ``HostCommand``: its input (what the previous stage produced) and its bound arguments.
public struct HostCall: Sendable {
    /// The previous stage's output (null at the start of a pipeline).
    public var input: Value
    /// The positional arguments, in order.
    public var positionals: [Value]
    /// The `name=value` arguments given.
    public var named: [String: Value]
    /// Flags given, by long name: `true` for a switch, the value otherwise.
    public var flags: [String: Value]

    /// A call as the engine makes it (a host's tests make one to call `run` directly).
    public init(
        input: Value = .null, positionals: [Value] = [], named: [String: Value] = [:], flags: [String: Value] = [:]
    ) {
        self.input = input
        self.positionals = positionals
        self.named = named
        self.flags = flags
    }

    /// The positional argument at `index`, if given.
    public func positional(_ index: Int) -> Value? { positionals.indices.contains(index) ? positionals[index] : nil }

    /// Whether a switch was given.
    public func flag(_ name: String) -> Bool {
        switch flags[name] {
        case nil, .null?, .bool(false)?: false
        default: true
        }
    }
}

/// An error a host command reports: the script fails at the call with this message (and help line).
public struct HostCommandError: Error, Sendable {
    /// The error message the script shows.
    public var message: String
    /// One line for `help NAME`.
    public var help: String?

    /// An error with this message and, optionally, a help line.
    public init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}
