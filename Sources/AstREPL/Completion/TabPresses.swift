/// Shell-like Tab: a press that can insert (a unique candidate, or a longer common prefix) does
/// so; a press that cannot rings the bell, and the next press at the same line and cursor lists
/// the candidates. So `set co`⇥⇥ inserts `set col`, then lists; `status=c`⇥ beeps, ⇥ lists.
struct TabPresses {
    enum Decision: Equatable {
        case insert(deleting: Int, text: String)
        case list([String])
        case beep
    }

    /// Line and cursor right after the previous Tab press, if it changed nothing since.
    private var last: (line: String, cursor: Int)?

    mutating func press(_ completion: Completion, line: String, cursor: Int) -> Decision {
        switch completion.action {
        case .insert(let deleting, let text):
            let after = completion.applied(to: line, cursor: cursor)
            last = (after.line, after.cursor)
            return .insert(deleting: deleting, text: text)
        case .list(let items):
            if let last, last.line == line, last.cursor == cursor {
                return .list(items)
            }
            last = (line, cursor)
            return .beep
        case .none:
            last = nil
            return .beep
        }
    }
}
