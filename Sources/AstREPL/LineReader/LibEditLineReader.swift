import CLibEdit
import Foundation

/// The terminal line editor: libedit's native API (`histedit.h`).
///
/// - Every libedit call runs on one plain thread (`EditorThread`), never on a cooperative one,
///   with signals unblocked so libedit redraws after `fg` and re-wraps after a resize.
/// - Callbacks find this object through `EL_CLIENTDATA` + `Unmanaged` (no globals).
/// - Ctrl-C while editing is a key, not a signal: `setty -d -intr` switches VINTR off in edit mode
///   only and `^C` is bound to `ast-interrupt`, which drops the line. In cooked mode (a pipeline
///   running) Ctrl-C is still SIGINT, which the REPL turns into cancellation.
/// - `EL_PREP_TERM 1` right before `el_gets`: libedit draws the prompt before going raw, and a key
///   typed in that gap would otherwise be cooked by the tty (a ^D became a literal byte).
/// - `~/.editrc` (or `$EDITRC`) is sourced last, so a user's bindings win.
package final class LibEditLineReader: LineReader, @unchecked Sendable {
    package var isInteractive: Bool { true }
    let editor: OpaquePointer
    let history: ReplHistory?
    let reads = EditorThread.shared

    // State below is touched only on `reads`' queue (inside el_gets and its callbacks).
    var promptBuffer: UnsafeMutablePointer<CChar>?
    var interruptPressed = false
    var completion = CompletionEngine(source: StaticCompletionSource())
    var tabPresses = TabPresses()

    /// Returns nil when libedit cannot initialise the terminal.
    package init?(history: ReplHistory?, sourceEditrc: Bool = true) {
        TerminalLocale.configure()
        guard let editor = clibedit_init("ast") else { return nil }
        self.editor = editor
        self.history = history
        promptBuffer = strdup("")
        configure(sourceEditrc: sourceEditrc)
    }

    deinit {
        el_end(editor)
        free(promptBuffer)
    }

    func configure(sourceEditrc: Bool) {
        clibedit_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        clibedit_set_editor(editor, "emacs")
        clibedit_set_signal(editor, 1)
        clibedit_set_prompt(editor) { el in
            LibEditLineReader.owner(of: el)?.promptBuffer
        }
        if let history { clibedit_set_hist(editor, history.handle) }
        clibedit_addfn(editor, "ast-complete", "Complete the word under the cursor") { el, _ in
            guard let el, let reader = LibEditLineReader.owner(of: el) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        clibedit_addfn(editor, "ast-interrupt", "Drop the line being edited") { el, _ in
            guard let el, let reader = LibEditLineReader.owner(of: el) else { return UInt8(CC_ERROR) }
            reader.interruptPressed = true
            fputs("^C\n", clibedit_stdout())
            fflush(clibedit_stdout())
            return UInt8(CC_NEWLINE)
        }
        clibedit_bind(editor, "^I", "ast-complete")
        clibedit_setty(editor, "-d", "-intr")
        clibedit_bind(editor, "^C", "ast-interrupt")
        clibedit_bind(editor, "^R", "em-inc-search-prev")
        clibedit_bind(editor, "\\e[1;5C", "em-next-word")
        clibedit_bind(editor, "\\e[1;5D", "ed-prev-word")
        if sourceEditrc { el_source(editor, nil) }
    }

    static func owner(of el: OpaquePointer?) -> LibEditLineReader? {
        guard let el, let pointer = clibedit_get_clientdata(el) else { return nil }
        return Unmanaged<LibEditLineReader>.fromOpaque(pointer).takeUnretainedValue()
    }

    package func readLine(prompt: String) async -> LineEvent {
        await reads.run { self.readSync(prompt: prompt) }
    }

    package func setCompletionSource(_ source: any CompletionSource) {
        // Serial queue: applied before the next read starts.
        reads.enqueue { self.completion = CompletionEngine(source: source) }
    }

    package func confirm(_ question: String) async -> Bool {
        let event = await readLine(prompt: Prompt.confirmation(question))
        guard case .line(let answer) = event else { return false }
        return Self.isYes(answer)
    }

    /// One `el_gets`, on the editor queue.
    func readSync(prompt: String) -> LineEvent {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        interruptPressed = false
        clibedit_prep_term(editor, 1)
        var count: Int32 = 0
        errno = 0
        let raw = el_gets(editor, &count)
        let failure = errno
        if interruptPressed { return .interrupted }
        guard let raw, count > 0 else {
            if count < 0 && failure == EINTR {
                fputs("\n", clibedit_stdout())
                fflush(clibedit_stdout())
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }
}
