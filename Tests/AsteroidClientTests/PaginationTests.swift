import AsteroidModels
import Foundation
import Testing

@testable import AsteroidClient

@Suite("Lazy pagination")
struct PaginationTests {
    /// A server holding `total` executions, answering `page`/`pageSize` like the real one.
    static func server(total: Int, capPageSize: Int? = nil) -> FakeTransport {
        FakeTransport { request, _ throws(TransportFailure) in
            let page = Int(request.values("page").first ?? "1") ?? 1
            let size = min(Int(request.values("pageSize").first ?? "10") ?? 10, capPageSize ?? .max)
            let start = (page - 1) * size
            let ids = (start..<min(start + size, total)).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
            let items = ids.map { Fixture.execution($0) }.joined(separator: ",")
            return Fixture.json(200, #"{"items":[\#(items)],"page":\#(page),"pageSize":\#(size),"total":\#(total)}"#)
        }
    }

    @Test("exactly N requests for N pages consumed; total exposed after the first page")
    func lazy() async throws {
        let transport = Self.server(total: 250)
        var query = ListExecutionsQuery()
        query.pageSize = 10
        query.status = [.failed]
        let stream = Fixture.client(transport).listExecutions(query)
        #expect(stream.total == nil)
        #expect(transport.requests.isEmpty)
        var iterator = stream.makeAsyncIterator()
        for _ in 0..<10 { _ = try await iterator.next() }
        #expect(transport.requests.count == 1)
        #expect(stream.total == 250)
        _ = try await iterator.next()
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map { $0.values("page") } == [["1"], ["2"]])
        #expect(transport.requests.allSatisfy { $0.values("status") == ["failed"] && $0.values("pageSize") == ["10"] })
    }

    @Test("nothing is sent after the consumer stops")
    func stops() async throws {
        let transport = Self.server(total: 1000)
        let first = try await Fixture.client(transport).listExecutions().prefix(150).reduce(0) { count, _ in count + 1 }
        #expect(first == 150)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map { $0.values("pageSize") } == [["100"], ["100"]])
    }

    @Test("stops at the last page: no request past it", arguments: [(0, 1), (5, 1), (100, 1), (101, 2), (250, 3)])
    func lastPage(total: Int, requests: Int) async throws {
        let transport = Self.server(total: total)
        let stream = Fixture.client(transport).listExecutions()
        let all = try await stream.collect()
        #expect(all.count == total)
        #expect(Set(all.map(\.id)).count == total)
        #expect(transport.requests.count == requests)
        #expect(stream.pagesFetched == requests)
    }

    @Test("read-ahead: every page once, in order; at most two pages past where the consumer stops")
    func readAhead() async throws {
        let transport = Self.server(total: 950)
        let stream = Fixture.client(transport).listExecutions().readingAhead(2)
        let all = try await stream.collect()
        #expect(all.map(\.id) == (0..<950).map { String(format: "00000000-0000-4000-8000-%012d", $0) })
        let pages: [Int] = transport.requests.compactMap { request in request.values("page").first.flatMap { Int($0) } }
        #expect(pages.sorted() == Array(1...10))
        for (take, most) in [(5, 1), (100, 1), (150, 4), (420, 7)] {
            let lazy = Self.server(total: 950)
            let taken = try await Fixture.client(lazy).listExecutions().readingAhead(2).prefix(take)
                .reduce(0) { count, _ in count + 1 }
            #expect(taken == take)
            #expect(lazy.requests.count <= most, "\(take) items: \(lazy.requests.count) requests")
        }
        let capped = Self.server(total: 120, capPageSize: 50)
        #expect(try await Fixture.client(capped).listExecutions().readingAhead(2).collect().count == 120)
        #expect(capped.requests.count == 3)
    }

    @Test("read-ahead: a page that fails ahead fails the listing when it is reached")
    func readAheadError() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            let page = Int(request.values("page").first ?? "1") ?? 1
            if page == 4 { return Fixture.json(404, #"{"code":404,"message":"gone"}"#) }
            let ids = ((page - 1) * 100..<page * 100).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
            let items = ids.map { Fixture.execution($0) }.joined(separator: ",")
            return Fixture.json(200, #"{"items":[\#(items)],"page":\#(page),"pageSize":100,"total":600}"#)
        }
        var iterator = Fixture.client(transport).listExecutions().readingAhead(2).makeAsyncIterator()
        var read = 0
        do {
            while try await iterator.nextItem() != nil { read += 1 }
            Issue.record("the listing should have failed")
        } catch {
            #expect(error.status == 404)
        }
        #expect(read == 300)
    }

    @Test("a server that caps the page size is followed to the end")
    func cappedServer() async throws {
        let transport = Self.server(total: 120, capPageSize: 50)
        let all = try await Fixture.client(transport).listExecutions().collect()
        #expect(all.count == 120)
        #expect(transport.requests.count == 3)
    }

    @Test("a short page ends the listing even if total claims more")
    func shortPage() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            Fixture.json(200, #"{"items":[\#(Fixture.execution(Fixture.id))],"page":1,"pageSize":100,"total":500}"#)
        }
        let all = try await Fixture.client(transport).listExecutions().collect()
        #expect(all.count == 1)
        #expect(transport.requests.count == 1)
    }

    @Test("agents stream pages the same way, starting at the requested page")
    func agents() async throws {
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            let page = Int(request.values("page").first ?? "1") ?? 1
            let items =
                page < 4
                ? #"[{"id":"00000000-0000-4000-8000-00000000000\#(page)","name":"p\#(page)","createdAt":"2024-01-01T00:00:00Z","userId":"\#(Fixture.otherId)"}]"#
                : "[]"
            return Fixture.json(200, #"{"items":\#(items),"page":\#(page),"pageSize":1,"total":3}"#)
        }
        let names = try await Fixture.client(transport).listAgents(ListAgentsQuery(pageSize: 1, page: 2)).collect().map(
            \.name)
        #expect(names == ["p2", "p3"])
        #expect(transport.requests.map { $0.values("page") } == [["2"], ["3"]])
    }

    @Test("errors surface from the stream as AsteroidError")
    func errors() async throws {
        let transport = FakeTransport(status: 403, json: #"{"code":403,"message":"Forbidden."}"#)
        let error = await catchAsteroid { try await Fixture.client(transport).listExecutions().collect() }
        #expect(error?.status == 403)
    }

    @Test("an item pushed onto the next page by a new execution is yielded once")
    func shiftedPages() async throws {
        // Page 1 is read, then a new execution lands first: page 2 now starts with page 1's last item.
        let ids = (0..<6).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
        let transport = FakeTransport { request, _ throws(TransportFailure) in
            let page = Int(request.values("page").first ?? "1") ?? 1
            let items = page == 1 ? Array(ids[0..<3]) : Array(ids[2..<5])
            let body = items.map { Fixture.execution($0) }.joined(separator: ",")
            return Fixture.json(200, #"{"items":[\#(body)],"page":\#(page),"pageSize":3,"total":6}"#)
        }
        var query = ListExecutionsQuery()
        query.pageSize = 3
        var iterator = Fixture.client(transport).listExecutions(query).makeAsyncIterator()
        var yielded: [String] = []
        while let execution = try await iterator.nextItem() { yielded.append(execution.id) }
        #expect(yielded == Array(ids[0..<5]))
        #expect(iterator.duplicatesSkipped == 1)
        #expect(transport.requests.count == 2)
    }
}
