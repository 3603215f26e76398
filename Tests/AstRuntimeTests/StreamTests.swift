import AstBuiltins
import AstRuntime
import AstSyntax
import Foundation
import Testing

/// Streams stay lazy end to end: a consumer that stops early pulls no more than it needs, and
/// counting never holds the items.
@Suite struct StreamTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var pulled = 0
        func bump() { lock.withLock { pulled += 1 } }
        var value: Int { lock.withLock { pulled } }
    }

    /// A command yielding 0, 1, 2, … forever, counting what was pulled.
    struct Naturals: Command {
        let counter: Counter
        var signature: Signature { Signature("naturals", "0, 1, 2, … forever", category: "test") }
        func run(_ call: Invocation) async throws -> Value {
            let counter = self.counter
            return .stream(
                ValueStream {
                    var n = 0
                    return ValueIterator {
                        counter.bump()
                        defer { n += 1 }
                        return .int(n)
                    }
                })
        }
    }

    func run(_ text: String, counter: Counter) async -> (String, RunOutcome) {
        let output = BufferedOutput()
        let interpreter = Interpreter(registry: Builtins.registry.merging([Naturals(counter: counter)]), output: output)
        let outcome = await interpreter.run(SourceFile(name: "t", text: text))
        return (output.stdout, outcome)
    }

    @Test func firstStopsPulling() async {
        let counter = Counter()
        let (out, _) = await run("naturals | where $it % 2 == 0 | first 3 | json -c", counter: counter)
        #expect(out == "[0,2,4]\n")
        #expect(counter.value == 5)
    }

    @Test func countStreamsWithoutHolding() async {
        let counter = Counter()
        let (out, _) = await run("naturals | first 100000 | count", counter: counter)
        #expect(out == "100000\n")
    }

    @Test func eachOverInfiniteStreamIsLazy() async {
        let counter = Counter()
        let (out, _) = await run("naturals | each -p 4 { $it * 2 } | first 3 | json -c", counter: counter)
        #expect(out == "[0,2,4]\n")
        #expect(counter.value < 20)
    }
}
