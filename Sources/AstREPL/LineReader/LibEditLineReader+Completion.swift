import CLibEdit
import Foundation

extension LibEditLineReader {
    /// The Tab key: reads libedit's wide buffer (UTF-32, so the cursor is a scalar offset), asks the
    /// completion engine, then inserts the unique candidate or the common prefix, or lists choices.
    func completeAtCursor() -> UInt8 {
        guard let info = el_wline(editor) else { return UInt8(CC_ERROR) }
        let buffer = info.pointee.buffer
        guard let buffer else { return UInt8(CC_ERROR) }
        let length = info.pointee.lastchar.map { $0 - buffer } ?? 0
        let cursor = info.pointee.cursor.map { $0 - buffer } ?? length
        var scalars = String.UnicodeScalarView()
        for index in 0..<max(0, length) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: buffer[index])) { scalars.append(scalar) }
        }
        let line = String(scalars)
        let result = completion.complete(line: line, cursor: cursor)
        switch tabPresses.press(result, line: line, cursor: cursor) {
        case .insert(let deleting, let text):
            if deleting > 0 { el_deletestr(editor, Int32(deleting)) }
            var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            return el_winsertstr(editor, wide) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let items):
            let listing = CandidateList.format(items, width: Self.terminalWidth())
            fputs("\n" + listing + "\n", clibedit_stdout())
            fflush(clibedit_stdout())
            return UInt8(CC_REDISPLAY)
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
