import AstCommands
import AstRuntime
import AstSyntax
import Foundation
import Testing

@testable import AstREPL

/// Records the questions asked and answers with a fixed reply.
final class QuestionLog: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []
    let answer: Bool

    init(answer: Bool) { self.answer = answer }

    var questions: [String] { lock.withLock { asked } }

    func ask(_ question: String) -> Bool {
        lock.withLock { asked.append(question) }
        return answer
    }
}

@Suite("Profiles at the prompt: ast[prod]>, the confirm = always gate, the startup file")
struct ProfilePromptTests {
    static let id = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

    @Test("the prompt and banner show the profile; the sandbox prompt stays ast[sandbox]>")
    func prompt() {
        let prod = Prompt(target: .api(baseURL: "https://x.example/agents/v2"), profile: "prod")
        #expect(prod.primary == "ast[prod]> ")
        #expect(prod.continuation.count == prod.primary.count)
        #expect(prod.banner(version: "1").contains("(profile prod)"))
        #expect(Prompt(target: .sandbox(baseURL: "http://127.0.0.1:1"), profile: "prod").primary == "ast[sandbox]> ")
    }

    func check(_ text: String, answer: Bool, canAsk: Bool = true, dryRun: Bool = false) async -> (String?, [String]) {
        let log = QuestionLog(answer: answer)
        let session = Session(api: nil, output: BufferedOutput())
        if dryRun { session.interpreter.updateSettings { $0.dryRun = true } }
        _ = await session.evaluate("def retry-one(id) { rerun $id }")
        let ask: (@Sendable (String) async -> Bool)?
        if canAsk { ask = { log.ask($0) } } else { ask = nil }
        let gate = ChangeGate(profile: "prod", ask: ask)
        let refusal = await gate.check(SourceFile(name: "<input>", text: text), interpreter: session.interpreter)
        return (refusal, log.questions)
    }

    @Test("a single change asks once (even through a def); a no cancels it; reads never ask")
    func gateAsks() async {
        let (yes, asked) = await check("rerun \(Self.id)", answer: true)
        #expect(yes == nil)
        #expect(asked == ["profile prod asks before every change: run this (rerun)?"])
        let (no, _) = await check("retry-one \(Self.id)", answer: false)
        #expect(no == "cancelled: nothing was changed")
        let (read, readAsked) = await check("list status=failed | count", answer: false)
        #expect(read == nil)
        #expect(readAsked.isEmpty)
    }

    @Test("where nobody can answer the change is refused and --yes=prod is named; --dry-run does not ask")
    func gateRefuses() async {
        let (refusal, _) = await check("list | each { cancel }", answer: true, canAsk: false)
        #expect(refusal?.contains("nobody can answer") == true)
        #expect(refusal?.contains("--yes=prod") == true)
        let (dry, asked) = await check("rerun \(Self.id)", answer: false, dryRun: true)
        #expect(dry == nil)
        #expect(asked.isEmpty)
    }

    @Test("the gated engine does not run a refused entry")
    func gatedEngine() async {
        let output = BufferedOutput()
        let session = Session(api: nil, output: output)
        let inner = SessionReplEngine(session: session, interactive: false, terminalOutput: false)
        let engine = GatedReplEngine(inner, gate: ChangeGate(profile: "prod", ask: { _ in false }))
        #expect(await engine.evaluate("rerun \(Self.id)") == .failure("cancelled: nothing was changed"))
        #expect(await engine.evaluate("1 + 1") == .output("2"))
    }

    @Test("the startup file's definitions and settings stay; an error names file and line and stops only the file")
    func startupFile() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ast-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("init.ast").path
        try "def greet() { \"hi\" }\nset format json\nopen /nonexistent/ast-init.json\nlet never = 1\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let session = Session(api: nil, output: BufferedOutput())
        let reports = QuestionLog(answer: true)
        let problem = await StartupFile.run(path: path, session: session, report: { _ = reports.ask($0) })
        #expect(problem != nil)
        #expect(reports.questions.first?.contains("\(path):3:") == true)
        #expect(reports.questions.first?.contains("the prompt starts anyway") == true)
        #expect(await session.evaluate("greet") == .output("hi\n"))
        #expect(session.interpreter.settings.format == .json)
        #expect(session.interpreter.globals.lookup("never") == nil)
        // No file: nothing happens.
        #expect(await StartupFile.run(path: dir.appendingPathComponent("none.ast").path, session: session) == nil)
    }
}
