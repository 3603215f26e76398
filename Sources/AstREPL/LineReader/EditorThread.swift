import Foundation

/// The thread libedit reads on: a plain thread with no signal blocked (dispatch and Swift
/// concurrency threads block them all), so libedit's `read` can be interrupted.
///
/// Why it matters: libedit redraws the line after `fg` (SIGCONT) and re-wraps after a resize
/// (SIGWINCH) only when its `read` returns EINTR. The kernel hands process signals to the main
/// thread, which parks in `dispatch_main`; libedit's handler runs there, then re-raises the
/// signal to the application's handler — ours, which forwards it to this thread with
/// `pthread_kill`, so `read` returns and libedit redraws.
final class EditorThread: @unchecked Sendable {
    static let shared = EditorThread()

    let condition = NSCondition()
    var jobs: [() -> Void] = []

    private init() {
        installForwarding(SIGCONT)
        installForwarding(SIGWINCH)
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = "ast.line-editor"
        thread.start()
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            enqueue { continuation.resume(returning: work()) }
        }
    }

    func enqueue(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func loop() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        editorThreadID = pthread_self()
        editorThreadReady = 1
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }

    func installForwarding(_ signo: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signo in
            guard editorThreadReady == 1, pthread_equal(pthread_self(), editorThreadID) == 0 else { return }
            pthread_kill(editorThreadID, signo)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the editor's read must return EINTR
        sigaction(signo, &action, nil)
    }
}

// Written once by the editor thread before it takes jobs; read by the signal handler.
nonisolated(unsafe) private var editorThreadID = pthread_t()
nonisolated(unsafe) private var editorThreadReady: Int32 = 0
