import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("auth, 404 and error bodies")
struct AuthAndErrorTests {
    @Test("a request without a key is a 401 JSON error")
    func missingKey() async throws {
        let harness = try await Harness.make(executions: 5)
        try await harness.test { client in
            let response = try await client.call(.get, "/executions", key: nil)
            #expect(response.status == .unauthorized)
            let body = try #require(response.error)
            #expect(body.code == 401)
            #expect(body.message.contains("X-Asteroid-Agents-Api-Key"))
            #expect(!response.text.contains(Client.key))
            let empty = try await client.call(
                .get, "/executions", headers: [HTTPField.Name("X-Api-Key")!: ""], key: nil)
            #expect(empty.status == .unauthorized)
        }
    }

    @Test("either header is accepted; with --api-key only that key")
    func headers() async throws {
        let harness = try await Harness.make(executions: 5, apiKey: "s3cret")
        try await harness.test { client in
            let wrong = try await client.call(.get, "/executions", key: "other")
            #expect(wrong.status == .unauthorized)
            #expect(!wrong.text.contains("other"))
            let modern = try await client.call(
                .get, "/executions", headers: [HTTPField.Name("X-Api-Key")!: "s3cret"], key: nil)
            #expect(modern.status == .ok)
            let old = try await client.call(.get, "/executions", key: "s3cret")
            #expect(old.status == .ok)
        }
    }

    @Test(
        "unknown and malformed execution ids",
        arguments: [
            "pause", "resume", "cancel", "rerun", "user-messages", "status", "activities", "sync", "recording", "",
        ])
    func ids(_ suffix: String) async throws {
        let harness = try await Harness.make(executions: 5)
        try await harness.test { client in
            let method: HTTPRequest.Method = ["activities", "sync", "recording", ""].contains(suffix) ? .get : .post
            let body: String? =
                switch suffix {
                case "user-messages": #"{"message":"hi"}"#
                case "status": #"{"status":"paused"}"#
                case "rerun": "{}"
                default: nil
                }
            let tail = suffix.isEmpty ? "" : "/" + suffix
            let missing = try await client.call(
                method, "/executions/\(UUID().uuidString.lowercased())\(tail)", body: body)
            #expect(missing.status == .notFound)
            #expect(missing.error?.message == "Execution not found.")
            #expect(missing.error?.code == 404)
            let malformed = try await client.call(method, "/executions/not-a-uuid\(tail)", body: body)
            #expect(malformed.status == .badRequest)
            #expect(malformed.error?.errors?.first?.parameter == "executionId")
        }
    }

    @Test("a 400 carries code, message and the problem-details fields")
    func problemDetails() async throws {
        let harness = try await Harness.make(executions: 5)
        try await harness.test { client in
            let response = try await client.call(.get, "/executions?pageSize=0")
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try #require(response.error)
            #expect(body.code == 400)
            #expect(body.status == 400)
            #expect(body.detail == body.message)
            #expect(body.instance == "/agents/v2/executions")
            #expect(body.errors == [.init(parameter: "pageSize", detail: "must be between 1 and 100, got 0")])
        }
    }

    @Test("list agents answers its errors as text/plain")
    func agentErrorsAreText() async throws {
        let harness = try await Harness.make(executions: 5)
        try await harness.test { client in
            let response = try await client.call(.get, "/agents?pageSize=500")
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(response.text.contains("pageSize"))
        }
    }

    @Test("an unknown path under /agents/v2 is a JSON 404")
    func unknownRoute() async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let response = try await client.call(.get, "/nothing/here")
            #expect(response.status == .notFound && response.error?.code == 404)
            let post = try await client.call(.post, "/executions/\(UUID().uuidString)/explode", body: "{}")
            #expect(post.status == .notFound)
        }
    }

    @Test("an injected fault's body names the status")
    func faultTitle() async throws {
        let harness = try await Harness.make(executions: 1)
        try await harness.test { client in
            let response = try await client.call(
                .get, "/executions", headers: [HTTPField.Name("X-Sandbox-Fault")!: "503"])
            #expect(response.error?.title == "Service Unavailable")
            #expect(response.error?.message == "Injected fault: 503 Service Unavailable (sandbox fault injection).")
        }
    }
}
