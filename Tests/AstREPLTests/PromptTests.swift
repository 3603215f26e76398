import Testing

@testable import AstREPL

@Suite("Prompt, banner, candidate list")
struct PromptTests {
    @Test("the prompt shows the target; the continuation prompt lines up")
    func prompts() {
        let api = Prompt(target: .api(baseURL: "https://odyssey.asteroid.ai/agents/v2"))
        let sandbox = Prompt(target: .sandbox(baseURL: "http://127.0.0.1:4010"))
        #expect(api.primary == "ast> ")
        #expect(sandbox.primary == "ast[sandbox]> ")
        #expect(api.continuation == "...> ")
        #expect(sandbox.continuation == "         ...> ")
        #expect(sandbox.continuation.count == sandbox.primary.count)
    }

    @Test("the banner says version, target and how to get help")
    func banner() {
        let sandbox = Prompt(target: .sandbox(baseURL: "http://127.0.0.1:4010")).banner(version: "0.3.0")
        #expect(sandbox.contains("ast 0.3.0"))
        #expect(sandbox.contains("sandbox at http://127.0.0.1:4010"))
        #expect(sandbox.contains("ASTEROID_API_KEY"))
        #expect(sandbox.contains("help"))
        let api = Prompt(target: .api(baseURL: "https://odyssey.asteroid.ai/agents/v2")).banner(version: "0.3.0")
        #expect(api.contains("connected to https://odyssey.asteroid.ai/agents/v2"))
        #expect(!api.contains("sandbox"))
    }

    @Test("confirmation questions end in [y/N]; only y and yes say yes")
    func confirmation() {
        #expect(Prompt.confirmation("rerun 12 executions?") == "rerun 12 executions? [y/N] ")
        #expect(Prompt.confirmation("go? [y/N]") == "go? [y/N] ")
        #expect(PlainLineReader.isYes("y"))
        #expect(PlainLineReader.isYes(" YES "))
        #expect(!PlainLineReader.isYes(""))
        #expect(!PlainLineReader.isYes("n"))
        #expect(!PlainLineReader.isYes("yep"))
    }

    @Test("candidates are listed in columns, column-major, fitting the width")
    func candidateColumns() {
        let items = ["cancelled", "completed", "failed", "paused", "queued", "running"]
        #expect(CandidateList.format(items, width: 40) == "cancelled  failed     queued\ncompleted  paused     running")
        #expect(CandidateList.format(items, width: 5) == items.joined(separator: "\n"))
        #expect(CandidateList.format(["日本", "ab"], width: 80) == "日本  ab")
        #expect(CandidateList.format(["a", "b", "c"], width: 80, limit: 2) == "a  b\n… and 1 more")
    }
}
