/// A lazy sequence of values. Each `makeIterator()` starts afresh; nothing is fetched until `next()` is
/// called, so `list | first 5` pulls exactly as many pages as it needs.
package struct ValueStream: Sendable {
    /// The schema of the elements, when known (for completion and table columns).
    package var elementSchema: Schema?
    /// True for a stream that never ends by itself (`watch`): a consumer must act on each item as it
    /// comes instead of reading the whole input first. Kept by `map` and `filter`.
    package var isEndless = false
    private let factory: @Sendable () -> ValueIterator

    package init(elementSchema: Schema? = nil, _ factory: @escaping @Sendable () -> ValueIterator) {
        self.elementSchema = elementSchema
        self.factory = factory
    }

    package func makeIterator() -> ValueIterator { factory() }

    package static func from(_ values: [Value], elementSchema: Schema? = nil) -> ValueStream {
        ValueStream(elementSchema: elementSchema) {
            var index = 0
            return ValueIterator {
                guard index < values.count else { return nil }
                defer { index += 1 }
                return values[index]
            }
        }
    }

    /// Each element transformed; still lazy.
    package func map(_ transform: @escaping @Sendable (Value) async throws -> Value) -> ValueStream {
        let base = self
        var mapped = ValueStream {
            let iterator = base.makeIterator()
            return ValueIterator {
                guard let value = try await iterator.next() else { return nil }
                return try await transform(value)
            }
        }
        mapped.isEndless = isEndless
        return mapped
    }

    /// Only the elements the predicate keeps; still lazy.
    package func filter(_ keep: @escaping @Sendable (Value) async throws -> Bool) -> ValueStream {
        let base = self
        var kept = ValueStream(elementSchema: elementSchema) {
            let iterator = base.makeIterator()
            return ValueIterator {
                while let value = try await iterator.next() {
                    if try await keep(value) { return value }
                }
                return nil
            }
        }
        kept.isEndless = isEndless
        return kept
    }

    /// At most `count` elements; stops pulling from the source after the last one.
    package func prefix(_ count: Int) -> ValueStream {
        let base = self
        return ValueStream(elementSchema: elementSchema) {
            let iterator = base.makeIterator()
            var taken = 0
            return ValueIterator {
                guard taken < count else { return nil }
                taken += 1
                return try await iterator.next()
            }
        }
    }

    /// Skips the first `count` elements.
    package func dropFirst(_ count: Int) -> ValueStream {
        let base = self
        return ValueStream(elementSchema: elementSchema) {
            let iterator = base.makeIterator()
            var skipped = false
            return ValueIterator {
                if !skipped {
                    skipped = true
                    for _ in 0..<count where try await iterator.next() == nil { return nil }
                }
                return try await iterator.next()
            }
        }
    }

    /// Every element, in order (checks for cancellation between elements).
    package func collect() async throws -> [Value] {
        let iterator = makeIterator()
        var values: [Value] = []
        while let value = try await iterator.next() {
            try Task.checkCancellation()
            values.append(value)
        }
        return values
    }
}

/// The cursor of one pass over a stream. Used by one task at a time.
package final class ValueIterator {
    private let step: () async throws -> Value?

    package init(_ step: @escaping () async throws -> Value?) { self.step = step }

    package func next() async throws -> Value? { try await step() }
}

extension Value {
    /// A list or stream as a stream; any other value as a one-element stream.
    package var asStream: ValueStream {
        switch self {
        case .stream(let stream): stream
        case .list(let values): .from(values)
        case .null: .from([])
        default: .from([self])
        }
    }

    /// Whether this value is a sequence that pipelines iterate (list or stream).
    package var isSequence: Bool {
        switch self {
        case .list, .stream: true
        default: false
        }
    }

    /// Streams collected into lists; other values unchanged.
    package func materialized() async throws -> Value {
        if case .stream(let stream) = self { return .list(try await stream.collect()) }
        return self
    }
}
