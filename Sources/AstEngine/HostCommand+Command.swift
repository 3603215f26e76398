import AstRuntime

/// A ``HostCommand`` as the language runs it: the declared signature, and a call that converts values
/// in and out.
struct HostCommandAdapter: Command {
    let host: HostCommand
    let signature: Signature

    init(_ host: HostCommand) {
        self.host = host
        var effects: Set<Effect> = host.effects.effects
        let mutates = effects.remove(.mutates) != nil
        signature = Signature(
            host.name, host.summary, category: host.category, positionals: host.positionals.map(\.spec),
            named: host.named.map(\.spec),
            flags: host.flags.map { FlagSpec($0.name, short: $0.short, value: $0.value.map(\.paramType), $0.help) },
            isMutating: mutates, examples: host.examples.map { Example($0.code, $0.description) }, effects: effects)
    }

    func run(_ call: Invocation) async throws -> AstRuntime.Value {
        var named: [String: Value] = [:]
        for (key, value) in call.named { named[key] = try await Value.from(value) }
        var flags: [String: Value] = [:]
        for (key, value) in call.flags { flags[key] = try await Value.from(value) }
        var positionals: [Value] = []
        for value in call.positionals { positionals.append(try await Value.from(value)) }
        let hostCall = HostCall(
            input: try await Value.from(call.input), positionals: positionals, named: named, flags: flags)
        do {
            return try await host.run(hostCall).runtime
        } catch let error as HostCommandError {
            throw call.error(error.message, help: error.help)
        } catch let error as RuntimeError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw call.error("\(host.name) failed: \(error)")
        }
    }
}

extension HostParameter {
    var spec: ParamSpec { ParamSpec(name, kind.paramType, help, required: required, choices: choices) }
}

extension HostParameter.Kind {
    var paramType: ParamType {
        switch self {
        case .any: .any
        case .int: .int
        case .number: .number
        case .string: .string
        case .bool: .bool
        case .duration: .duration
        case .time: .time
        case .list: .list
        case .record: .record
        }
    }
}
