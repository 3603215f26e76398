import AsteroidModels
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AsteroidSandbox

@Suite("agents and temp files")
struct AgentsAndFilesTests {
    @Test("list agents: page, search, sort, organization")
    func agents() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let page = try await client.get(Page<Agent>.self, "/agents")
            #expect(page.total == 6 && page.pageSize == 10 && page.items.count == 6)
            let search = try await client.get(Page<Agent>.self, "/agents?searchName=INVOICE")
            #expect(search.items.map(\.name) == ["Invoice Processor"])
            let byName = try await client.get(Page<Agent>.self, "/agents?sortField=name&sortDirection=asc")
            #expect(byName.items.map(\.name) == byName.items.map(\.name).sorted())
            let org = harness.services.catalog.otherOrganizationId
            let other = try await client.get(Page<Agent>.self, "/agents?organizationId=\(org)")
            #expect(other.items.map(\.name) == ["Shipment Tracker"])
            let workflows = try await client.get(Page<Agent>.self, "/workflows?pageSize=2&page=2")
            #expect(workflows.items.count == 2 && workflows.total == 6)
        }
    }

    static func multipart(_ files: [(String, String)], field: String = "files") -> (String, String) {
        let boundary = "sandbox-boundary-1234"
        var body = ""
        for (name, content) in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n"
            body += "Content-Type: text/plain\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    @Test("stage files, then attach them to an execution")
    func stageAndAttach() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let (type, body) = Self.multipart([("a.txt", "hello"), ("b.csv", "x,y\n1,2")])
            let staged = try await client.call(.post, "/temp-files", body: body, headers: [.contentType: type])
            #expect(staged.status == .ok, "\(staged.text)")
            let files = try staged.decode(TempFilesResponse.self).tempFiles
            #expect(files.map(\.name) == ["a.txt", "b.csv"])
            let org = harness.services.catalog.organizationId
            let old = try await client.call(.post, "/temp-files/\(org)", body: body, headers: [.contentType: type])
            #expect(old.status == .ok)
            let json = String(
                decoding: try AsteroidJSON.makeEncoder().encode(ExecuteRequest(tempFiles: files)), as: UTF8.self)
            let id = try await client.execute(try await client.agentId("Invoice Processor"), json)
            let feed = try await client.get([Activity].self, "/executions/\(id)/activities")
            let added = feed.filter { $0.payload.activityType == .fileAdded }
            #expect(added.map { $0.payload["fileName"]?.stringValue } == ["a.txt", "b.csv"])
            #expect(added.first?.payload["fileSize"]?.intValue == 5)
        }
    }

    @Test("temp-file errors are text/plain")
    func errors() async throws {
        let harness = try await Harness.make(executions: 0)
        try await harness.test { client in
            let notMultipart = try await client.call(.post, "/temp-files", body: "{}")
            #expect(
                notMultipart.status == .badRequest
                    && notMultipart.headers[.contentType]?.hasPrefix("text/plain") == true)
            let (type, body) = Self.multipart([("a.txt", "x")], field: "other")
            let noFiles = try await client.call(.post, "/temp-files", body: body, headers: [.contentType: type])
            #expect(noFiles.status == .badRequest && noFiles.text.contains("files"))
            let badOrg = try await client.call(
                .post, "/temp-files/not-a-uuid", body: body, headers: [.contentType: type])
            #expect(badOrg.status == .badRequest)
            let strangerOrg = try await client.call(
                .post, "/temp-files/\(UUID().uuidString)", body: Self.multipart([("a.txt", "x")]).1,
                headers: [.contentType: type])
            #expect(strangerOrg.status == .forbidden && strangerOrg.text == "User is not a member of the organization.")
        }
    }
}
