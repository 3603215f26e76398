import AsteroidModels
import Foundation

/// The fixed cast of the demo data. Identifiers come from the seed; names and shapes are fixed.
struct SeedCatalog: Sendable {
    struct User: Sendable {
        var id: String
        var email: String
        var isAdmin: Bool
    }
    struct Profile: Sendable {
        var id: String
        var name: String
    }

    static let agentNames = [
        "Invoice Processor", "Lead Enricher", "Support Ticket Triage", "Price Monitor", "Onboarding Form Filler",
        "Shipment Tracker",
    ]
    /// The flaky demo agent: every 5th execution it ever has fails.
    static let flakyAgent = "Lead Enricher"
    static let flakyEvery = 5

    var organizationId: String
    /// A second organisation, owning "Shipment Tracker", for the organizationId filter.
    var otherOrganizationId: String
    var users: [User]
    var profiles: [Profile]
    var labels: [HumanLabel]
    var apiKeys: [APIKeyRef]
    var schedules: [ScheduleRef]
    var agents: [AgentInfo]

    init(seed: UInt64, anchor: Date) {
        var random = SeedRandom(seed: seed ^ 0xA57E_801D)
        organizationId = random.uuid()
        otherOrganizationId = random.uuid()
        users = [
            User(id: random.uuid(), email: "ada@example.com", isAdmin: true),
            User(id: random.uuid(), email: "grace@example.com", isAdmin: false),
            User(id: random.uuid(), email: "linus@example.com", isAdmin: false),
        ]
        profiles = ["US East residential", "EU datacenter", "Logged-in finance account"].map {
            Profile(id: random.uuid(), name: $0)
        }
        let created = anchor.addingTimeInterval(-90 * 86_400)
        let org = organizationId
        labels = [
            ("Needs review", "#F5A623"), ("Verified", "#2ECC71"), ("Customer escalation", "#E74C3C"),
            ("Flaky site", "#9B59B6"),
        ].map {
            HumanLabel(id: random.uuid(), organizationId: org, name: $0.0, color: $0.1, createdAt: created)
        }
        apiKeys = [APIKeyRef(id: random.uuid(), name: "ci-pipeline"), APIKeyRef(id: random.uuid(), name: "zapier")]
        schedules = [
            ScheduleRef(id: random.uuid(), cronExpression: "0 * * * *"),
            ScheduleRef(id: random.uuid(), cronExpression: "*/15 * * * *"),
        ]
        var agents: [AgentInfo] = []
        for (index, name) in Self.agentNames.enumerated() {
            let id = random.uuid()
            let versionCount = 2 + random.int(0...3)
            let published = max(1, versionCount - random.int(0...1))
            let versions = (1...versionCount).map {
                WorkflowVersionInfo(id: random.uuid(), version: $0, published: $0 <= published)
            }
            agents.append(
                AgentInfo(
                    id: id, name: name,
                    organizationId: name == "Shipment Tracker" ? otherOrganizationId : organizationId,
                    userId: users[index % users.count].id,
                    createdAt: created.addingTimeInterval(Double(index) * 3600),
                    publishedVersion: published, failureEvery: name == Self.flakyAgent ? Self.flakyEvery : nil,
                    versions: versions))
        }
        self.agents = agents
    }

    func profileName(_ id: String?) -> String? {
        guard let id else { return nil }
        return profiles.first { $0.id == id.lowercased() }?.name
    }

    /// Realistic inputs for one run of the named agent.
    static func inputs(for agent: String, _ random: inout SeedRandom) -> [String: JSONValue] {
        let companies = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods"]
        switch agent {
        case "Invoice Processor":
            return [
                "invoiceNumber": .string("INV-2026-\(String(random.int(10_000...99_999)))"),
                "vendor": .string(random.pick(companies)), "amount": .double(Double(random.int(1_000...900_000)) / 100),
                "currency": .string(random.pick(["USD", "EUR", "GBP"])),
            ]
        case "Lead Enricher":
            let company = random.pick(companies)
            return [
                "company": .string(company),
                "domain": .string(company.lowercased().replacingOccurrences(of: " ", with: "") + ".com"),
                "fields": .array(["industry", "headcount", "linkedin"]),
            ]
        case "Support Ticket Triage":
            return [
                "ticketId": .string("T-\(random.int(1000...9999))"),
                "subject": .string(
                    random.pick([
                        "Refund request", "Login timeout on portal", "Wrong invoice address", "Shipment delayed",
                    ])),
                "priority": .string(random.pick(["low", "normal", "high"])),
            ]
        case "Price Monitor":
            return [
                "sku": .string("SKU-\(random.int(100...999))"),
                "url": .string("https://shop.example.com/item/\(random.int(1000...9999))"),
                "threshold": .double(Double(random.int(500...20_000)) / 100),
            ]
        case "Onboarding Form Filler":
            return [
                "employeeName": .string(random.pick(["Jordan Lee", "Sam Patel", "Alex Kim", "Riley Chen"])),
                "startDate": .string("2026-\(random.int(10...12))-\(random.int(10...28))"),
                "remote": .bool(random.chance(0.5)),
            ]
        default:
            return [
                "trackingNumber": .string("1Z\(random.int(100_000_000...999_999_999))"),
                "carrier": .string(random.pick(["UPS", "DHL", "FedEx"])),
            ]
        }
    }
}
