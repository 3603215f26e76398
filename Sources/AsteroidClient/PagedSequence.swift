import AsteroidModels
import Foundation

/// Every execution matching a query, fetched lazily (see `PagedSequence`).
public typealias ExecutionStream = PagedSequence<Execution>
/// Every agent matching a query, fetched lazily (see `PagedSequence`).
public typealias AgentStream = PagedSequence<Agent>

/// The items of a paginated list, fetched one page at a time as the consumer asks for more.
///
/// Page N+1 is requested only when the consumer wants the item after the last one of page N; iteration
/// ends after a page that is the last (`Page.isLast`), comes back short (fewer items than asked for) or
/// empty. When the consumer stops (`break`, `prefix`, task cancelled), nothing more is sent. Each
/// iteration starts again from the first page. Errors surface as `AsteroidError` from `next()`.
///
/// Offset pages shift when items are created while the list is read (a rerun lands on page 1 and pushes
/// everything down by one), so an item already yielded can come back on the next page: each iteration
/// yields an id at most once. (Items deleted meanwhile can shift others past the reader; only a
/// `createdBefore` snapshot and a stable sort avoid that.)
public struct PagedSequence<Item: Codable & Sendable & Identifiable>: AsyncSequence, Sendable {
    public typealias Element = Item
    /// 100 items per request: the most the client asks for.
    public static var defaultPageSize: Int { 100 }

    public let startPage: Int
    public let pageSize: Int
    let fetch: @Sendable (_ page: Int, _ pageSize: Int) async throws(AsteroidError) -> Page<Item>
    let progress = Progress()

    init(
        startPage: Int, pageSize: Int,
        fetch: @escaping @Sendable (_ page: Int, _ pageSize: Int) async throws(AsteroidError) -> Page<Item>
    ) {
        self.startPage = startPage
        self.pageSize = pageSize
        self.fetch = fetch
    }

    /// `total` of the most recent page received: every match on the server, not just the ones consumed.
    /// `nil` until the first page has arrived.
    public var total: Int? { progress.state.withLock { $0.total } }
    /// How many page requests this sequence has completed so far (all iterations).
    public var pagesFetched: Int { progress.state.withLock { $0.pages } }

    /// Reads everything into an array (at most `limit` items, which also bounds the requests sent).
    public func collect(limit: Int = .max) async throws(AsteroidError) -> [Item] {
        var items: [Item] = []
        var iterator = makeAsyncIterator()
        while items.count < limit, let item = try await iterator.nextItem() { items.append(item) }
        return items
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self, nextPage: startPage)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let sequence: PagedSequence
        var nextPage: Int
        var buffer: [Item] = []
        var index = 0
        var finished = false
        var seen: Set<Item.ID> = []
        /// Items skipped because an earlier page of this iteration already yielded their id.
        public private(set) var duplicatesSkipped = 0

        public mutating func next() async throws -> Item? {
            try await nextItem()
        }

        /// `next()` with the error typed.
        public mutating func nextItem() async throws(AsteroidError) -> Item? {
            while true {
                while index < buffer.count {
                    let item = buffer[index]
                    index += 1
                    if seen.insert(item.id).inserted { return item }
                    duplicatesSkipped += 1
                }
                guard !finished else { return nil }
                try await fetchPage()
            }
        }

        mutating func fetchPage() async throws(AsteroidError) {
            let page = try await sequence.fetch(nextPage, sequence.pageSize)
            sequence.progress.state.withLock {
                $0.total = page.total
                $0.pages += 1
            }
            nextPage += 1
            buffer = page.items
            index = 0
            // A server may cap the page size: then its own `pageSize` is what "a full page" means.
            let fullPage = page.pageSize > 0 ? Swift.min(sequence.pageSize, page.pageSize) : sequence.pageSize
            if page.isLast || page.items.count < fullPage || page.items.isEmpty { finished = true }
        }
    }

    final class Progress: Sendable {
        struct State {
            var total: Int?
            var pages = 0
        }
        let state = Locked(State())
    }
}

/// A value behind a lock (Foundation's `NSLock`; `Mutex` needs macOS 15).
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
