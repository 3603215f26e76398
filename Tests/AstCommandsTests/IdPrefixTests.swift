import Testing

@testable import AstCommands

/// What is looked up as an id prefix (hex digits and dashes, shorter than a UUID) and what is not.
@Suite struct IdPrefixTests {
    @Test func candidates() {
        #expect(IdPrefix.isCandidate("0345"))
        #expect(IdPrefix.isCandidate("03459427"))
        #expect(IdPrefix.isCandidate("3c90c3cc-0d4"))
        #expect(IdPrefix.isCandidate("ABCDEF"))
    }

    @Test func notCandidates() {
        #expect(!IdPrefix.isCandidate(""))
        #expect(!IdPrefix.isCandidate("-"))
        #expect(!IdPrefix.isCandidate("not-a-uuid"))  // the API's own error explains a malformed id
        #expect(!IdPrefix.isCandidate("3c90c3cc-0d44-4b50-8888-8dd25736052a"))  // a full id costs no request
        #expect(!IdPrefix.isCandidate("dry-run-1"))
    }
}
