import Testing

@testable import AstREPL

@Suite("History policy")
struct HistoryPolicyTests {
    let policy = HistoryPolicy.fromEnvironment(["ASTEROID_API_KEY": "sk-live-0123456789abcdef"])

    @Test(
        "refuses secrets, leading spaces and blank lines",
        arguments: [
            "print \"sk-live-0123456789abcdef\"",
            "ast --api-key abc",
            "ASTEROID_API_KEY=xyz ast",
            "open https://x --header 'Authorization: Bearer abc'",
            "curl -H 'X-Asteroid-Agents-Api-Key: abc'",
            "curl -H 'x-api-key: abc'",
            "set api_key abc",
            " list status=failed",
            "\tlist",
            "",
            "   ",
        ])
    func refuses(line: String) {
        #expect(!policy.admits(line))
    }

    @Test(
        "admits ordinary lines, UTF-8 and multi-line entries",
        arguments: [
            "list status=failed since=24h",
            "print \"héllo ✓\"",
            "def f() {\n  list\n}",
            "get 3c90c3cc-0d44-4b50-8888-8dd25736052a",
        ])
    func admits(line: String) {
        #expect(policy.admits(line))
    }

    @Test("a short configured key does not blacklist ordinary text")
    func shortKeyIgnored() {
        let short = HistoryPolicy(secrets: ["ab"])
        #expect(short.admits("list label=abc"))
        #expect(HistoryPolicy(secrets: ["abcdef"]).carriesSecret("x abcdef y"))
    }

    @Test("history location follows XDG_STATE_HOME, then HOME")
    func location() {
        #expect(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/ast/history")
        #expect(HistoryLocation.path(environment: ["HOME": "/h"]) == "/h/.local/state/ast/history")
        #expect(
            HistoryLocation.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/ast/history")
        #expect(HistoryLocation.path(environment: [:]) == nil)
    }
}
