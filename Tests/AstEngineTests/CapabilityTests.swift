import AstEngine
import Foundation
import Testing

/// Each capability limit refuses what it should, before anything it guards happens.
@Suite struct CapabilityTests {
    @Test func readOnlyRefusesARerunWithNoRequestSent() async throws {
        let transport = CountingTransport()
        try await withSandbox(EngineOptions(capabilities: .readOnly), transport: transport) { engine in
            let error = await failure(engine, "list status=failed | first 3 | each -p 8 rerun")
            #expect(error?.kind == .invalid)
            #expect(error?.code == "E050")
            #expect(error?.diagnostics.first?.message == "rerun is not allowed: this engine is read-only")
            #expect(error?.diagnostics.first?.column == 42)
            #expect(transport.requests.isEmpty)
            // Inside a def, a block or an argument, too: the whole program is checked first.
            for script in [
                "def again(e) { rerun $e.id }\nlist status=failed | each { again $it }",
                "let x = (list status=failed | first 1 | each { cancel $it.id })", "execute some-agent",
            ] {
                #expect(await failure(engine, script)?.code == "E050")
            }
            #expect(transport.requests.isEmpty)
            // Reading is allowed (and goes through the counting transport).
            let failed = try await engine.evaluate("list status=failed | count")
            #expect((failed.intValue ?? 0) > 0)
            #expect(!transport.requests.isEmpty)
            #expect(transport.requests.allSatisfy { $0.hasPrefix("GET ") })
        }
    }

    @Test func theDefaultEngineRerunsAsTheExecutableDoes() async throws {
        let transport = CountingTransport()
        try await withSandbox(transport: transport) { engine in
            let rerun = try await engine.evaluate("list status=failed | first 1 | each rerun | count")
            #expect(rerun == .int(1))
            #expect(transport.requests.contains { $0.hasPrefix("POST ") })
        }
    }

    @Test func aMutatingHostCommandIsRefusedByAReadOnlyEngine() async throws {
        let approve = HostCommand("approve", summary: "marks an execution approved", effects: [.mutations]) { _ in
            Issue.record("a refused command ran")
            return .null
        }
        try await withSandbox(EngineOptions(capabilities: .readOnly, commands: [approve])) { engine in
            let refused = await failure(engine, "approve")
            #expect(refused?.kind == .invalid)
            #expect(refused?.code == "E050")
            #expect(engine.commandNames.contains("approve"))
        }
    }

    @Test func aCommandReachedOnlyAtRunTimeIsRefusedWithoutSendingAnything() async throws {
        // Files allowed, changes not: a sourced file is checked only when it runs.
        let transport = CountingTransport()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ast-embed-\(UUID()).ast").path
        try "rerun exec-1\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSandbox(EngineOptions(capabilities: [.files]), transport: transport) { engine in
            let error = await failure(engine, #"source "\#(path)""#)
            #expect(error?.kind == .failed)
            #expect(error?.code == "E050")
            #expect(transport.requests.isEmpty)
        }
    }

    @Test func noFileAccessRefusesSaveOpenAndSource() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ast-embed-\(UUID()).json").path
        try await withSandbox(EngineOptions(capabilities: [.mutations, .network])) { engine in
            for script in [
                #"[1, 2] | save "\#(path)""#, #"open "\#(path)""#, #"source "\#(path)""#, "open /etc/passwd --raw",
                // Built-in API commands that read or write local files are refused the same way.
                "list | first | download to=/tmp", #"list | first | attach files=["/etc/passwd"]"#,
            ] {
                let error = await failure(engine, script)
                #expect(error?.kind == .invalid, "\(script)")
                #expect(error?.code == "E050", "\(script)")
                #expect(error?.diagnostics.first?.message.hasSuffix("this engine has no file access") == true)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // With file access the same save writes the file.
        try await withSandbox { engine in
            _ = try await engine.evaluate(#"[1, 2] | save "\#(path)""#)
            #expect(FileManager.default.fileExists(atPath: path))
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    @Test("no file access: an argument that reads or writes files is refused where it is given, before anything runs")
    func noFileAccessRefusesFileArguments() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ast-embed-\(UUID())").path
        let transport = CountingTransport()
        try await withSandbox(EngineOptions(capabilities: [.mutations, .network]), transport: transport) { engine in
            for (script, message) in [
                ("watch status=failed state=\(state) --once", "watch state= is not allowed: this engine has no file access"),
                (
                    #"execute "Lead Enricher" files=["/etc/passwd"]"#,
                    "execute files= is not allowed: this engine has no file access"
                ),
            ] {
                let error = await failure(engine, script)
                #expect(error?.kind == .invalid, "\(script)")
                #expect(error?.code == "E050", "\(script)")
                #expect(error?.diagnostics.first?.message == message, "\(script)")
            }
            // The same commands without those arguments run.
            _ = try await engine.evaluate("watch status=failed --once | count")
            #expect(!FileManager.default.fileExists(atPath: state))
            #expect(transport.requests.allSatisfy { $0.hasPrefix("GET ") }, "\(transport.requests)")
        }
    }

    @Test("help marks what the engine refuses: whole commands in the list and their page, arguments on theirs")
    func helpMarksRefusals() async throws {
        try await withSandbox(EngineOptions(capabilities: [.network])) { engine in
            let list = try #require(try await engine.evaluate("help").stringValue)
            let rerun = try #require(list.split(separator: "\n").first { $0.hasPrefix("  rerun ") })
            #expect(rerun.hasSuffix("[not allowed: this engine is read-only]"), "\(rerun)")
            let count = try #require(list.split(separator: "\n").first { $0.hasPrefix("  count ") })
            #expect(!count.contains("not allowed"))
            let page = try #require(try await engine.evaluate("help save").stringValue)
            #expect(page.split(separator: "\n").dropFirst().first == "not allowed here: this engine has no file access")
            let watch = try #require(try await engine.evaluate("help watch").stringValue)
            let state = try #require(watch.split(separator: "\n").first { $0.hasPrefix("  state=") })
            #expect(state.hasSuffix("(not allowed here)"), "\(state)")
            // An argument with no denied effect is not marked.
            #expect(watch.contains("  every=DURATION  how often to poll (default 30s)\n"), "\(watch)")
        }
    }

    @Test func noNetworkRefusesACommandDeclaringNetworkAccess() async throws {
        let fetch = HostCommand("fetch", summary: "reads a URL", effects: [.network]) { _ in .string("fetched") }
        try await withSandbox(EngineOptions(capabilities: [.mutations, .files], commands: [fetch])) { engine in
            let error = await failure(engine, "fetch")
            #expect(error?.kind == .invalid)
            #expect(error?.code == "E050")
            #expect(
                error?.diagnostics.first?.message
                    == "fetch is not allowed: this engine has no network access other than the API")
            // The built-in `http` declares network access too: refused before anything is sent.
            let http = await failure(engine, "http get http://127.0.0.1:9/never")
            #expect(http?.kind == .invalid)
            #expect(http?.code == "E050")
        }
        try await withSandbox(EngineOptions(commands: [fetch])) { engine in
            let value1 = try await engine.evaluate("fetch")
            #expect(value1 == .string("fetched"))
        }
    }

    /// 2^40 calls: without a budget this does not end in a test's lifetime.
    static let explosive = "def f(n) { if $n > 0 { f ($n - 1); f ($n - 1) } }\nf 40"

    @Test func theStepBudgetStopsARunawayScript() async throws {
        try await withSandbox(EngineOptions(stepLimit: 5_000)) { engine in
            let start = ContinuousClock.now
            let error = await failure(engine, Self.explosive)
            #expect(error?.kind == .failed)
            #expect(error?.code == "E051")
            #expect(error?.diagnostics.first?.message == "step budget exceeded: more than 5000 steps")
            #expect(ContinuousClock.now - start < .seconds(20))
            // A script within the budget runs, and the budget is per evaluation.
            let value2 = try await engine.evaluate("def g(n) { if $n > 0 { g ($n - 1) } else { 7 } }\ng 50")
            #expect(value2 == .int(7))
            let value3 = try await engine.evaluate("g 50")
            #expect(value3 == .int(7))
        }
    }

    @Test func theStepBudgetCountsLoopIterations() async throws {
        try await withSandbox(EngineOptions(stepLimit: 1_000)) { engine in
            engine.bind("xs", value: .list((0..<10_000).map(Value.int)))
            let error = await failure(engine, "let total = 0\nfor x in $xs {\n  let y = $x\n}")
            #expect(error?.code == "E051")
            #expect(error?.diagnostics.first?.line == 3)
            let small = try await engine.evaluate("for x in [1, 2, 3] { let y = $x }\n$xs | count")
            #expect(small == .int(10_000))
        }
    }

    @Test func theWallClockBudgetStopsASlowScript() async throws {
        try await withSandbox(EngineOptions(timeLimit: .milliseconds(300))) { engine in
            let start = ContinuousClock.now
            let error = await failure(engine, "sleep 60s")
            #expect(error?.kind == .failed)
            #expect(error?.code == "E051")
            #expect(error?.diagnostics.first?.message == "time budget exceeded: the script ran longer than 0.3s")
            #expect(ContinuousClock.now - start < .seconds(20))
            let value4 = try await engine.evaluate("1 + 1")
            #expect(value4 == .int(2))
        }
    }

    @Test func aCancellationHandleStopsARunningScript() async throws {
        try await withSandbox { engine in
            let handle = CancellationHandle()
            let start = ContinuousClock.now
            async let outcome = failure(engine, "sleep 60s", cancellation: handle)
            try await Task.sleep(for: .milliseconds(200))
            handle.cancel()
            let error = await outcome
            #expect(error?.kind == .cancelled)
            #expect(error?.exitCode == 130)
            #expect(ContinuousClock.now - start < .seconds(20))
            // A handle already cancelled stops the next run at once.
            #expect(await failure(engine, "sleep 60s", cancellation: handle)?.kind == .cancelled)
            // Cancelling the awaiting task does the same.
            let task = Task { await failure(engine, "sleep 60s") }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            #expect(await task.value?.kind == .cancelled)
        }
    }
}
