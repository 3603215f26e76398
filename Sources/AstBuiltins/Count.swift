import AstRuntime

/// `count`: the number of items (streams are counted as they pass, never held).
struct CountCommand: Command {
    let signature = Signature(
        "count", "count the items", category: "aggregates",
        inputDemand: Demand(ofItems: .nothing, ofValue: .everything),
        examples: [
            Example("[1, 2, 3] | count", "three items", result: "3"),
            Example("[] | count", "none", result: "0"),
        ])

    func run(_ call: Invocation) async throws -> Value {
        switch call.input {
        case .list(let items): return .int(items.count)
        case .record(let record): return .int(record.count)
        case .null: return .int(0)
        default:
            var count = 0
            let iterator = call.items.makeIterator()
            while try await iterator.next() != nil {
                count += 1
                if count % 256 == 0 { try Task.checkCancellation() }
            }
            return .int(count)
        }
    }
}
