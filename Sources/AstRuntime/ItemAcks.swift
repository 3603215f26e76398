import Foundation

/// What became of each item of an endless stream, told by the consumer that acts on it (`each` over
/// `watch`) to the producer that yielded it, so the producer can record an item as handled only once it
/// was (`watch state=`), and offer a failed one again later. Items are known by their `id` (a record's
/// `id` field, or the string itself).
///
/// A producer makes the session's registry (`install`) before its stream is read and adds itself as a
/// listener; a consumer only looks it up, so a session without one (every bulk change) pays nothing.
package protocol ItemAckListener: AnyObject, Sendable {
    /// A consumer began acting on the item.
    func itemStarted(_ id: String)
    /// The consumer finished the item: successfully (or skipped it), or with a failure.
    func itemFinished(_ id: String, failed: Bool)
}

package final class ItemAcks: @unchecked Sendable {
    static let key = "item-acks"
    private let lock = NSLock()
    private var listeners: [Weak] = []

    private struct Weak { weak var listener: (any ItemAckListener)? }

    /// The session's registry, made if there is none yet (by the producer, before its stream is read).
    package static func install(on interpreter: Interpreter) -> ItemAcks {
        if let acks = of(interpreter) { return acks }
        let acks = ItemAcks()
        interpreter.setExtension(key, acks)
        return acks
    }

    /// The session's registry, if a producer made one.
    package static func of(_ interpreter: Interpreter) -> ItemAcks? { interpreter.extensionValue(key) }

    package func add(_ listener: any ItemAckListener) {
        lock.withLock {
            listeners.removeAll { $0.listener == nil }
            listeners.append(Weak(listener: listener))
        }
    }

    package func started(_ item: Value) {
        guard let id = Self.id(of: item) else { return }
        for listener in current() { listener.itemStarted(id) }
    }

    package func finished(_ item: Value, failed: Bool) {
        guard let id = Self.id(of: item) else { return }
        for listener in current() { listener.itemFinished(id, failed: failed) }
    }

    private func current() -> [any ItemAckListener] { lock.withLock { listeners.compactMap(\.listener) } }

    /// A record's `id`, or a string item itself.
    package static func id(of item: Value) -> String? {
        if let id = item.recordValue?["id"]?.stringValue { return id }
        return item.stringValue
    }
}
