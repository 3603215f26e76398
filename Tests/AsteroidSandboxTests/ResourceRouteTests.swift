import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("files, workflows, profiles and identity routes")
struct ResourceRouteTests {
    @Test("an execution's files: by directory, a 303 to a signed URL that serves the bytes with a CRC-32C")
    func files() async throws {
        let harness = try await Harness.make(executions: 80)
        try await harness.test { client in
            let all = try await client.all()
            let failed = try #require(all.first { $0.status == .failed && $0.startedAt != nil })
            let listing = try await client.get(ExecutionFiles.self, "/executions/\(failed.id)/files")
            let files = listing.all
            #expect(!files.isEmpty && listing.directories["tracing"]?.count == 1)
            #expect(files.allSatisfy { $0.executionId == failed.id && $0.fileSize > 0 && $0.mimeType != nil })
            let file = try #require(files.first)
            let redirect = try await client.call(.get, "/executions/\(failed.id)/files/\(file.id)/download")
            #expect(redirect.status == .seeOther)
            let location = try #require(redirect.headers[.location])
            let url = try #require(URLComponents(string: location))
            // The signed URL needs no key (its signature is the credential).
            let bytes = try await client.raw.execute(
                uri: url.path + "?" + (url.percentEncodedQuery ?? ""), method: .get, headers: [:], body: nil)
            #expect(bytes.status == .ok)
            let data = Data(bytes.body.readableBytesView)
            #expect(data.count == file.fileSize)
            let hash = try #require(bytes.headers[HTTPField.Name("x-goog-hash")!])
            #expect(hash == "crc32c=\(CRC32C.base64(data))")
            let forged = try await client.raw.execute(
                uri: url.path + "?X-Sandbox-Expires=9999999999&X-Sandbox-Signature=0", method: .get, headers: [:],
                body: nil)
            #expect(forged.status == .forbidden && forged.error?.code == 403)
            let unknown = try await client.call(.get, "/executions/\(UUID().uuidString)/files")
            #expect(unknown.status == .notFound && unknown.text == "Execution not found.")
            let noFile = try await client.call(.get, "/executions/\(failed.id)/files/\(UUID().uuidString)/download")
            #expect(noFile.status == .notFound)
        }
    }

    @Test("context files: upload to a running execution, list them; a finished one refuses")
    func contextFiles() async throws {
        let harness = try await Harness.make(executions: 80)
        try await harness.test { client in
            let all = try await client.all()
            let running = try #require(all.first { $0.status == .running })
            let done = try #require(all.first { $0.status == .completed })
            let (type, body) = AgentsAndFilesTests.multipart([("notes.txt", "hello"), ("more.csv", "a,b")])
            let uploaded = try await client.call(
                .post, "/executions/\(running.id)/context-files", body: body, headers: [.contentType: type])
            #expect(uploaded.status == .ok && uploaded.text == "Files uploaded.")
            let listed = try await client.get([ContextFile].self, "/executions/\(running.id)/context-files")
            #expect(listed.map(\.fileName) == ["notes.txt", "more.csv"] && listed.map(\.fileSize) == [5, 3])
            let refused = try await client.call(
                .post, "/executions/\(done.id)/context-files", body: body, headers: [.contentType: type])
            #expect(refused.status == .badRequest)
        }
    }

    @Test("workflow versions (one published) and the inputs a version expects")
    func workflows() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let id = try await client.agentId("Invoice Processor")
            let versions = try await client.get([WorkflowVersion].self, "/workflows/\(id)/versions")
            #expect(versions.filter(\.isPublished).count == 1)
            #expect(versions.map(\.version) == versions.map(\.version).sorted(by: >))
            let first = try #require(versions.last)
            let inputs = try await client.get(
                WorkflowInputs.self, "/workflows/\(id)/versions/\(first.id)/inputs")
            #expect(inputs.inputs.map(\.name) == ["amount", "currency", "invoiceNumber", "vendor"])
            let missing = try await client.call(.get, "/workflows/\(id)/versions/\(UUID().uuidString)/inputs")
            #expect(missing.status == .notFound && missing.error?.code == 404)
        }
    }

    @Test("profiles, profile groups, clear-browser-cache, /context and /users/v2/whoami")
    func profilesAndIdentity() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let profiles = try await client.get(Page<Profile>.self, "/profiles")
            #expect(profiles.total == 3 && profiles.items.allSatisfy { $0.inboxEmail != nil && $0.cookies == [] })
            let search = try await client.get(Page<Profile>.self, "/profiles?searchName=FINANCE")
            #expect(search.items.map(\.name) == ["Logged-in finance account"])
            let groups = try await client.get(Page<ProfileGroup>.self, "/profile-groups?pageSize=1&page=2")
            #expect(groups.total == 2 && groups.items.map(\.name) == ["Finance logins"])
            let bad = try await client.call(.get, "/profiles?pageSize=0")
            #expect(bad.status == .badRequest && bad.error?.errors?.first?.parameter == "pageSize")
            let profile = try #require(profiles.items.first)
            let cleared = try await client.call(.delete, "/profiles/\(profile.id)/clear-browser-cache")
            #expect(cleared.status == .ok)
            #expect(try cleared.decode(MessageResponse.self).message == "Browser cache cleared.")
            let unknown = try await client.call(.delete, "/profiles/\(UUID().uuidString)/clear-browser-cache")
            #expect(unknown.status == .notFound)
            let context = try await client.get(UserContext.self, "/context")
            #expect(context.organizations.count == 2)
            let whoami = try await client.raw.execute(
                uri: "/users/v2/whoami", method: .get, headers: [HTTPField.Name("X-Api-Key")!: Client.key], body: nil)
            let me = try whoami.decode(Whoami.self)
            #expect(me.kind == "person" && me.credential == "user_api_key" && me.organizationId == nil)
            #expect(me.person?.email == context.email)
            let anonymous = try await client.raw.execute(uri: "/users/v2/whoami", method: .get, headers: [:], body: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
