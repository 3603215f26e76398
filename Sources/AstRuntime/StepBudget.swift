import AstSyntax
import Foundation

/// How many evaluation steps a run may take, set by a host that embeds the language. A step is one
/// statement executed or one closure or function called, so a loop or a recursion that does not end
/// runs out of steps. Installed as a task-local so it reaches every stage and `each -p` worker; without
/// one (the executable) a step costs one load (see `armed`).
package final class StepBudget: @unchecked Sendable {
    @TaskLocal package static var current: StepBudget?

    package let limit: Int
    private let lock = NSLock()
    private var used = 0

    package init(limit: Int) {
        self.limit = limit
        Self.armed.isOn = true
    }

    /// Whether a budget was ever made in this process. Until then — always, in the executable — a step
    /// costs one load instead of a task-local read (measured: the task-local read alone cost ≈ 4% of a
    /// loop-and-call-heavy script). Only ever set to true; a run with a budget starts after its budget is
    /// made (task creation orders the write before it), so it always sees it set. An unsynchronised read
    /// elsewhere may see it late, which only skips counting for a run that has no budget.
    private static let armed = Switch()

    private final class Switch: @unchecked Sendable {
        var isOn = false
    }

    package var stepsTaken: Int { lock.withLock { used } }

    /// Counts one step of the current run's budget, if it has one; past the limit, a runtime error at `span`.
    @inline(__always)
    package static func step(at span: Span?, source: SourceFile) throws {
        guard armed.isOn, let budget = current else { return }
        try budget.take(at: span, source: source)
    }

    private func take(at span: Span?, source: SourceFile) throws {
        let over = lock.withLock {
            used += 1
            return used > limit
        }
        guard over else { return }
        throw RuntimeError(
            Diagnostic(
                DiagnosticCode.budgetExceeded, "step budget exceeded: more than \(limit) steps",
                span: span, help: "the program that runs this script allows \(limit) evaluation steps", source: source))
    }
}
