import AstSyntax

/// A command of the language. Each one lives in its own file, declares its signature (arguments,
/// one-line summary, examples with expected results) and is listed once in a registration table.
package protocol Command: Sendable {
    var signature: Signature { get }
    func run(_ call: Invocation) async throws -> Value
}

/// The kind of value a parameter accepts. Arguments are converted (e.g. `5` → "5" for a string).
package enum ParamType: String, Sendable {
    case any, int, number, string, bool, duration, time, list, record, closure
    /// A field name or path: `status`, `.executionResult.outcome`; delivered as the string "a.b".
    case field
    /// A field or a closure (`sort-by .createdAt`, `sort-by { $it.x }`).
    case fieldOrClosure
    /// A time, or a duration meaning "that long before now" (`since=24h`).
    case timeOrDuration
}

package struct ParamSpec: Sendable {
    package var name: String
    package var type: ParamType
    package var help: String
    package var required: Bool
    /// The only values accepted, when the set is closed (also offered by completion).
    package var choices: [String]
    /// What giving this argument lets the command do beyond its own effects (`watch state=` writes a file,
    /// `execute files=` reads them): a host that denies one refuses the call that gives the argument.
    package var effects: Set<Effect>
    /// A string parameter that takes a comma list (`status=failed,cancelled`) takes a list too:
    /// `status=[failed, cancelled]`, `status=$statuses` (joined with commas).
    package var commaList: Bool

    package init(
        _ name: String, _ type: ParamType, _ help: String, required: Bool = false, choices: [String] = [],
        effects: Set<Effect> = [], commaList: Bool = false
    ) {
        self.name = name
        self.type = type
        self.help = help
        self.required = required
        self.choices = choices
        self.effects = effects
        self.commaList = commaList
    }
}

package struct FlagSpec: Sendable {
    package var name: String
    package var short: String?
    /// nil: a switch (`--desc`); otherwise the type of its value (`-p 8`).
    package var valueType: ParamType?
    package var help: String

    package init(_ name: String, short: String? = nil, value: ParamType? = nil, _ help: String) {
        self.name = name
        self.short = short
        self.valueType = value
        self.help = help
    }
}

package struct Example: Sendable {
    package var code: String
    package var description: String
    /// The expected result as JSON Lines output (nil: not checked automatically, e.g. needs the API).
    package var result: String?

    package init(_ code: String, _ description: String, result: String? = nil) {
        self.code = code
        self.description = description
        self.result = result
    }
}

/// What the consumer of a command's output reads of it, so a command can skip work nobody will see:
/// `… | each -p 8 rerun | count` only counts the new executions and `… | wait` reads only their ids, so
/// `rerun` need not fetch each new execution back. Anything not known to read less reads `everything`.
package struct Demand: Sendable, Equatable {
    package enum Reads: Sendable, Equatable {
        case everything
        /// Only the execution id (`id` or `executionId`) of each value.
        case ids
        /// Nothing of the values: only how many there are.
        case nothing
    }

    /// What is read of each item when the output is a list or a stream.
    package var ofItems: Reads
    /// What is read of the output when it is a single value (`count` of a record counts its fields).
    package var ofValue: Reads

    package init(ofItems: Reads = .everything, ofValue: Reads = .everything) {
        self.ofItems = ofItems
        self.ofValue = ofValue
    }

    package static let everything = Demand()

    /// For the output of one item of a sequence whose items are read as `self.ofItems` (`each`'s action).
    package var forOneItem: Demand {
        Demand(ofItems: ofItems == .nothing ? .nothing : .everything, ofValue: ofItems)
    }

    /// What is read of an output that is a sequence (`isSequence`) or a single value.
    package func reads(sequence isSequence: Bool) -> Reads { isSequence ? ofItems : ofValue }
}

/// What a command may do beyond computing a value. A host that embeds the language denies some of them
/// (`AstEngine`'s capabilities); a command that declares a denied effect is refused before anything runs.
package enum Effect: String, Sendable, Hashable, CaseIterable {
    /// Changes executions (the same as `Signature.isMutating`).
    case mutates
    /// Reads or writes local files (`open`, `save`, `source`).
    case files
    /// Reaches the network other than through the configured API (`http`).
    case network
}

package struct Signature: Sendable {
    package enum ArgumentStyle: Sendable {
        case normal
        /// The rest of the stage is one expression, delivered as a closure (`where`, `assert`).
        case expression
        /// A command stage or a block, delivered as a closure (`each`).
        case stage
    }

    package var name: String
    package var summary: String
    package var category: String
    package var positionals: [ParamSpec]
    package var rest: ParamSpec?
    package var named: [ParamSpec]
    /// Named arguments accepted by prefix (`meta.KEY=`, `input.KEY=`).
    package var namedPrefixes: [String]
    package var flags: [FlagSpec]
    package var style: ArgumentStyle
    /// Changes executions (asks for confirmation on bulk use; honours --dry-run).
    package var isMutating: Bool
    /// Schema of what it outputs, by name (for completion): "execution", "agent", "activity".
    package var outputSchema: String?
    /// What it reads of its input (`count` only counts items; `wait` reads only ids).
    package var inputDemand: Demand
    package var examples: [Example]
    /// What it may do beyond computing a value (`.files`, `.network`); `.mutates` follows `isMutating`.
    package var effects: Set<Effect>

    package init(
        _ name: String, _ summary: String, category: String, positionals: [ParamSpec] = [], rest: ParamSpec? = nil,
        named: [ParamSpec] = [], namedPrefixes: [String] = [], flags: [FlagSpec] = [], style: ArgumentStyle = .normal,
        isMutating: Bool = false, outputSchema: String? = nil, inputDemand: Demand = .everything,
        examples: [Example] = [], effects: Set<Effect> = []
    ) {
        self.name = name
        self.summary = summary
        self.category = category
        self.positionals = positionals
        self.rest = rest
        self.named = named
        self.namedPrefixes = namedPrefixes
        self.flags = flags
        self.style = style
        self.isMutating = isMutating
        self.outputSchema = outputSchema
        self.inputDemand = inputDemand
        self.examples = examples
        self.effects = effects
    }

    /// Every effect, `.mutates` included when the command changes executions.
    package var allEffects: Set<Effect> { isMutating ? effects.union([.mutates]) : effects }

    /// `list [status=…] [agent=…] …` as `help` shows it.
    package var usage: String {
        var parts = [name]
        for flag in flags {
            parts.append("[--\(flag.name)\(flag.valueType.map { " \($0.rawValue.uppercased())" } ?? "")]")
        }
        for param in positionals {
            parts.append(param.required ? param.name.uppercased() : "[\(param.name.uppercased())]")
        }
        if let rest { parts.append("[\(rest.name.uppercased())…]") }
        for param in named { parts.append("[\(param.name)=\(param.type.rawValue.uppercased())]") }
        for prefix in namedPrefixes { parts.append("[\(prefix)KEY=VALUE]") }
        return parts.joined(separator: " ")
    }
}
