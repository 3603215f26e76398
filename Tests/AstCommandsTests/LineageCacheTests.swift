import Testing

@testable import AstCommands

@Suite("lineage cache: bounded for a watch that runs for weeks")
struct LineageCacheTests {
    @Test("full, it starts over: never more than its capacity, and what was just noted is kept")
    func bounded() {
        let cache = LineageCache(capacity: 3)
        for index in 0..<10 { cache.note("e\(index)", parent: index == 0 ? nil : "e\(index - 1)") }
        #expect(cache.count <= 3)
        #expect(cache.parent(of: "e9") == .some("e8"))
        // Noting a known id again never empties it.
        let before = cache.count
        cache.note("e9", parent: "e8")
        #expect(cache.count == before)
    }
}
