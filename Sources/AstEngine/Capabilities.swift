import AstRuntime

/// What scripts may do beyond reading through the API, and what a host command may do. An engine allows
/// ``all`` unless its host says otherwise; a script that calls a command needing a capability the engine
/// lacks is refused before any of it runs (`E050`).
public struct Capabilities: OptionSet, Sendable, Hashable {
    /// The set as bits (`OptionSet`).
    public let rawValue: Int
    /// The set with these bits (`OptionSet`).
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Change executions (`rerun`, `cancel`, `execute`, … and host commands declared `.mutations`).
    public static let mutations = Capabilities(rawValue: 1 << 0)
    /// Read and write local files (`open`, `save`, `source`).
    public static let files = Capabilities(rawValue: 1 << 1)
    /// Reach the network other than through the configured API (`http`).
    public static let network = Capabilities(rawValue: 1 << 2)

    /// Everything: what the `ast` executable allows.
    public static let all: Capabilities = [.mutations, .files, .network]
    /// Reads through the API, and nothing else.
    public static let readOnly: Capabilities = []

    var effects: Set<Effect> {
        var effects: Set<Effect> = []
        if contains(.mutations) { effects.insert(.mutates) }
        if contains(.files) { effects.insert(.files) }
        if contains(.network) { effects.insert(.network) }
        return effects
    }

    /// Why a command with this effect is refused.
    static func refusal(_ effect: Effect) -> String {
        switch effect {
        case .mutates: "this engine is read-only"
        case .files: "this engine has no file access"
        case .network: "this engine has no network access other than the API"
        }
    }
}
