import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

/// An in-memory sandbox on a manual clock, driven through the router in-process.
struct Harness {
    let services: SandboxServices
    let clock: ManualClock

    static func make(
        executions: Int = 60, seed: UInt64 = 7, apiKey: String? = nil, faults: FaultSpec = FaultSpec(),
        path: String = ":memory:"
    ) async throws -> Harness {
        let clock = ManualClock()
        var config = SandboxConfig.inMemory(
            seed: seed, executions: executions, speed: 1, faults: faults, apiKey: apiKey, clock: clock)
        config.databasePath = path
        return Harness(services: try await SandboxServices(config), clock: clock)
    }

    func test<Value: Sendable>(_ body: @Sendable (Client) async throws -> Value) async throws -> Value {
        let app = buildApplication(services: services)
        return try await app.test(.router) { client in try await body(Client(raw: client)) }
    }

    /// Moves the clock and runs every tick that became due.
    func advance(by seconds: Double) async throws {
        clock.advance(by: seconds)
        try await services.runDueWork()
    }

    /// Runs the lifecycle until nothing is scheduled (at most `limit` seconds of sandbox time).
    func finishAll(limit: Double = 120) async throws {
        var elapsed = 0.0
        while elapsed < limit, try await services.repository.nextDueDate() != nil {
            try await advance(by: 1)
            elapsed += 1
        }
    }
}

struct Client: Sendable {
    let raw: any TestClientProtocol
    static let key = "test-key"

    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, body: String? = nil, headers: HTTPFields = [:],
        key: String? = Client.key
    ) async throws -> TestResponse {
        var fields = headers
        if let key, fields[HTTPField.Name("X-Asteroid-Agents-Api-Key")!] == nil,
            fields[HTTPField.Name("X-Api-Key")!] == nil
        {
            fields[HTTPField.Name("X-Asteroid-Agents-Api-Key")!] = key
        }
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await raw.execute(
            uri: "/agents/v2" + path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    }

    func get<T: Decodable>(_ type: T.Type, _ path: String) async throws -> T {
        let response = try await call(.get, path)
        #expect(response.status == .ok, "GET \(path): \(response.status) \(response.text)")
        return try response.decode(T.self)
    }

    func page(_ query: String) async throws -> Page<Execution> {
        try await get(Page<Execution>.self, "/executions" + (query.isEmpty ? "" : "?" + query))
    }

    /// Every visible execution, fetched page by page.
    func all() async throws -> [Execution] {
        var out: [Execution] = []
        var page = 1
        while true {
            let result = try await self.page("pageSize=100&page=\(page)")
            out += result.items
            if result.isLast { return out }
            page += 1
        }
    }

    func execute(_ agentId: String, _ body: String = "{}") async throws -> String {
        let response = try await call(.post, "/agents/\(agentId)/execute", body: body)
        #expect(response.status == .accepted, "\(response.text)")
        return try response.decode(ExecuteResponse.self).executionId
    }

    func agents() async throws -> [Agent] {
        try await get(Page<Agent>.self, "/agents?pageSize=100").items
    }

    func agentId(_ name: String) async throws -> String {
        try #require(try await agents().first { $0.name == name }).id
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try AsteroidJSON.makeDecoder().decode(T.self, from: Data(body.readableBytesView))
    }

    var error: ErrorBody? { try? decode(ErrorBody.self) }
}
