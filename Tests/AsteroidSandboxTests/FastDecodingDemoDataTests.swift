import AsteroidModels
import Foundation
import Testing

@testable import AsteroidSandbox

/// The client's hand-written execution reader against everything the sandbox serves.
@Suite("fast decoding of the demo data")
struct FastDecodingDemoDataTests {
    @Test("every page the sandbox serves reads the same fast as with JSONDecoder, including finished runs")
    func servedPages() async throws {
        let harness = try await Harness.make(executions: 1_500)
        try await harness.test { client in
            let agent = try await client.agentId("Invoice Processor")
            for n in 0..<6 { _ = try await client.execute(agent, #"{"inputs":{"n":\#(n),"note":"é \" \\ /"}}"#) }
            try await harness.finishAll()
            var page = 1
            var read = 0
            while true {
                let data = Data(try await client.call(.get, "/executions?pageSize=100&page=\(page)").text.utf8)
                let typed = try AsteroidJSON.makeDecoder().decode(Page<Execution>.self, from: data)
                let fast = try #require(FastDecoding.decode(Page<Execution>.self, from: data), "page \(page)")
                #expect(fast == typed, "page \(page)")
                read += typed.items.count
                if typed.isLast { break }
                page += 1
            }
            #expect(read == 1_506)
        }
    }
}
