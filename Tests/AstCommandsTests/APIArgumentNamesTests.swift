import Testing

@testable import AstCommands

/// A request-validation error names an API parameter; the span goes to the argument that produced it.
@Suite struct APIArgumentNamesTests {
    @Test(
        arguments: [
            ("metadataValue", ["metadataKey"], "metadataKey"),
            ("metadataKey", ["metadataValue", "limit"], "metadataValue"),
            ("inputsKey", ["inputsValue"], "inputsValue"),
            ("profileGroupId", ["#0", "profile", "pool"], "pool"),
            ("agentProfileId", ["profile"], "profile"),
            ("createdAfter", ["after", "before"], "after"),
            ("metadata", ["meta.customer"], "meta.customer"),
        ] as [(String, [String], String)])
    func mapsAParameterBackToItsArgument(_ field: String, _ arguments: [String], _ expected: String) {
        #expect(APIArgumentNames.argument(for: field, among: arguments) == expected)
    }

    @Test func noArgumentWhenNothingProducedIt() {
        #expect(APIArgumentNames.argument(for: "pageSize", among: ["status", "#0"]) == nil)
    }
}
