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
/// With `readingAhead(n)`, once the consumer has read past the first page the next `n` pages (never past
/// the last one `total` implies) are requested in parallel while it reads: a consumer that reads
/// everything waits for one page at a time instead of for every page in turn, at the price of at most
/// `n` pages fetched and not read when it stops early. `first 5` still sends one request.
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
    /// Pages requested ahead of the consumer once it has read past the first page (0: none).
    public private(set) var readAhead = 0
    /// The last page read-ahead may request (the consumer's own bound, e.g. a limit), if any.
    public private(set) var readAheadThrough: Int?
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

    /// The same sequence, requesting up to `pages` pages ahead of the consumer after its first page, and
    /// never a page after `lastPage` (for a consumer that will stop there, such as `list limit=N`).
    public func readingAhead(_ pages: Int, through lastPage: Int? = nil) -> PagedSequence {
        var copy = self
        copy.readAhead = Swift.max(0, pages)
        copy.readAheadThrough = lastPage
        return copy
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
        /// Pages requested ahead (read-ahead), by page number; cancelled if the iterator is dropped.
        let ahead = AheadPages()
        /// The last page `total` implies, once a page has said it.
        var lastPage: Int?
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
            let number = nextPage
            if sequence.readAhead > 0, number > sequence.startPage, let lastPage {
                let fetch = sequence.fetch
                let size = sequence.pageSize
                let bound = Swift.min(lastPage, sequence.readAheadThrough ?? .max)
                for ahead in (number + 1)...(number + sequence.readAhead) where ahead <= bound {
                    self.ahead.start(ahead) { () throws(AsteroidError) in try await fetch(ahead, size) }
                }
            }
            let page: Page<Item>
            if let early = try await ahead.take(number) {
                page = early
            } else {
                page = try await sequence.fetch(number, sequence.pageSize)
            }
            // A server may cap the page size: then its own `pageSize` is what "a full page" means.
            let fullPage = page.pageSize > 0 ? Swift.min(sequence.pageSize, page.pageSize) : sequence.pageSize
            if page.total >= 0, fullPage > 0 { lastPage = Swift.max(1, (page.total + fullPage - 1) / fullPage) }
            sequence.progress.state.withLock {
                $0.total = page.total
                $0.pages += 1
            }
            nextPage += 1
            buffer = page.items
            index = 0
            if page.isLast || page.items.count < fullPage || page.items.isEmpty {
                finished = true
                ahead.cancelAll()
            }
        }
    }

    /// Page requests running ahead of the consumer. Dropping the last iterator that holds them cancels
    /// whatever has not been taken.
    final class AheadPages: Sendable {
        private let tasks = Locked<[Int: Task<Page<Item>, any Error>]>([:])

        func start(_ page: Int, _ fetch: @escaping @Sendable () async throws(AsteroidError) -> Page<Item>) {
            tasks.withLock { tasks in
                guard tasks[page] == nil else { return }
                tasks[page] = Task { try await fetch() }
            }
        }

        /// The page if it was requested ahead (its error if that failed); nil if it never was.
        func take(_ page: Int) async throws(AsteroidError) -> Page<Item>? {
            guard let task = tasks.withLock({ $0.removeValue(forKey: page) }) else { return nil }
            do {
                return try await withTaskCancellationHandler {
                    try await task.value
                } onCancel: {
                    task.cancel()
                }
            } catch let error as AsteroidError {
                throw error
            } catch {
                throw AsteroidError(kind: .cancelled, detail: "the page request was cancelled", cause: error)
            }
        }

        func cancelAll() {
            for task in tasks.withLock({ tasks in
                defer { tasks = [:] }
                return Array(tasks.values)
            }) { task.cancel() }
        }

        deinit { cancelAll() }
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
