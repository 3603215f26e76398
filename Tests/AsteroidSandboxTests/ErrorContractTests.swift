import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

/// Issue 12: every answer keeps the API's error contract (JSON `{code, message}`, the right status),
/// including the ones Hummingbird produces itself.
@Suite("error contract for every request")
struct ErrorContractTests {
    static let id = "00000000-0000-4000-8000-000000000001"

    @Test(
        "the prefix itself and paths outside it are JSON 404s", arguments: ["/agents/v2", "/agents/v2/", "/", "/nope"])
    func unknownPaths(_ path: String) async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            for method in [HTTPRequest.Method.get, .post, .put] {
                let response = try await client.raw.execute(
                    uri: path, method: method, headers: [HTTPField.Name("X-Api-Key")!: "k"], body: nil)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(response.error?.code == 404, "\(method) \(path): \(response.text)")
            }
        }
    }

    @Test(
        "a served path with another method is a JSON 405 with Allow",
        arguments: [
            (HTTPRequest.Method.put, "/executions", "GET, HEAD, OPTIONS"),
            (.get, "/executions/\(id)/pause", "POST, OPTIONS"),
            (.patch, "/executions/\(id)", "GET, DELETE, HEAD, OPTIONS"),
            (.delete, "/agents", "GET, HEAD, OPTIONS"),
            (.head, "/executions/\(id)/rerun", "POST, OPTIONS"),
        ])
    func wrongMethod(_ method: HTTPRequest.Method, _ path: String, _ allow: String) async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let response = try await client.call(method, path)
            #expect(response.status == .methodNotAllowed, "\(method) \(path): \(response.status)")
            #expect(response.headers[.allow] == allow)
            if method != .head { #expect(response.error?.code == 405, "\(response.text)") }
        }
    }

    @Test("OPTIONS answers 204 with Allow on a served path, a JSON 404 elsewhere")
    func options() async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let served = try await client.call(.options, "/executions/\(Self.id)/sync", key: nil)
            #expect(served.status == .noContent && served.headers[.allow] == "GET, HEAD, OPTIONS")
            let unknown = try await client.call(.options, "/nothing")
            #expect(unknown.status == .notFound && unknown.error?.code == 404)
        }
    }

    @Test("HEAD on a GET route answers the GET's status without a body")
    func head() async throws {
        let harness = try await Harness.make(executions: 3)
        try await harness.test { client in
            let response = try await client.call(.head, "/executions")
            #expect(response.status == .ok && response.body.readableBytes == 0)
            let missing = try await client.call(.head, "/executions/\(Self.id)")
            #expect(missing.status == .notFound)
        }
    }

    @Test("a body past the limit is a JSON 413")
    func tooLarge() async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let body = "{\"inputs\":{\"x\":\"" + String(repeating: "a", count: 5 << 20) + "\"}}"
            let response = try await client.call(.post, "/executions/\(Self.id)/rerun", body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.code == 413, "\(response.text.prefix(200))")
        }
    }

    @Test("Hummingbird's own errors are mapped to the contract")
    func mapped() {
        let middleware = ErrorContractMiddleware<BasicRequestContext>(
            routes: RouteTableBox(), logger: .init(label: "t"))
        let request = Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/agents/v2/x"),
            body: .init(buffer: .init()))
        let bad = middleware.mapped(.badRequest, "bad query", request)
        #expect(bad.status == .badRequest && bad.errors?.first?.detail == "bad query")
        #expect(middleware.mapped(.contentTooLarge, nil, request).status == .contentTooLarge)
        #expect(middleware.mapped(.notFound, nil, request).status == .notFound)
    }
}
