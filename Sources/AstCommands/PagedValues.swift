import AstRuntime
import AsteroidClient
import AsteroidModels

/// A lazy API listing as a language stream: each item converted as it is read, client errors reported
/// at the command that listed.
enum PagedValues {
    static func stream<Item>(
        _ sequence: PagedSequence<Item>, schema: Schema, call: Invocation,
        _ convert: @escaping @Sendable (Item) -> Value
    ) -> Value {
        let invocation = call
        return .stream(
            ValueStream(elementSchema: schema) {
                var iterator = sequence.makeAsyncIterator()
                return ValueIterator {
                    do {
                        guard let item = try await iterator.next() else { return nil }
                        return convert(item)
                    } catch let error as AsteroidError {
                        throw invocation.runtimeError(error)
                    }
                }
            })
    }
}
