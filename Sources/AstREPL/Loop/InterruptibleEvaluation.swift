import Foundation

/// Runs one evaluation in its own Task, so SIGINT can cancel it (in-flight requests included,
/// through Task cancellation). The first Ctrl-C cancels and waits for the engine to say what had
/// completed; a second one stops waiting and returns to the prompt.
enum InterruptibleEvaluation {
    static func run(_ entry: String, engine: any ReplEngine, interrupts: any InterruptSource) async -> ReplOutcome {
        let task = Task { await engine.evaluate(entry) }
        let race = Race()
        interrupts.setHandler {
            if race.interrupt() == 1 {
                task.cancel()
            } else {
                race.finish(.interrupted(summary: "stopped waiting; the pipeline may still be finishing"))
            }
        }
        defer { interrupts.setHandler(nil) }
        return await withCheckedContinuation { continuation in
            race.arm(continuation)
            Task {
                let outcome = await task.value
                race.finish(outcome)
            }
        }
    }

    /// Resumes the continuation exactly once: with the engine's outcome or on a second Ctrl-C.
    final class Race: @unchecked Sendable {
        let lock = NSLock()
        var continuation: CheckedContinuation<ReplOutcome, Never>?
        var early: ReplOutcome?
        var interrupts = 0
        var done = false

        func arm(_ continuation: CheckedContinuation<ReplOutcome, Never>) {
            lock.lock()
            if let early {
                done = true
                lock.unlock()
                continuation.resume(returning: early)
                return
            }
            self.continuation = continuation
            lock.unlock()
        }

        func interrupt() -> Int {
            lock.lock()
            defer { lock.unlock() }
            interrupts += 1
            return interrupts
        }

        func finish(_ outcome: ReplOutcome) {
            lock.lock()
            guard !done else {
                lock.unlock()
                return
            }
            guard let continuation else {
                if early == nil { early = outcome }
                lock.unlock()
                return
            }
            done = true
            self.continuation = nil
            lock.unlock()
            continuation.resume(returning: outcome)
        }
    }
}
