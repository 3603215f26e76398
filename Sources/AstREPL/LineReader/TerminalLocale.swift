import CLibEdit
import Foundation

/// libedit needs a UTF-8 `LC_CTYPE`: in the C locale it silently drops every non-ASCII byte and
/// crashes on a non-ASCII prompt. Take the user's locale; when its codeset is not UTF-8 (LANG=C,
/// unset), fall back to C.UTF-8 (then en_US.UTF-8), as knz/go-libedit does.
package enum TerminalLocale {
    /// Configures `LC_CTYPE` and returns the codeset in effect (`UTF-8` when the fallback worked).
    @discardableResult
    package static func configure() -> String {
        setlocale(LC_CTYPE, "")
        if codeset() == "UTF-8" { return "UTF-8" }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            if codeset() == "UTF-8" { return "UTF-8" }
        }
        return codeset()
    }

    /// The current `LC_CTYPE` codeset, e.g. `UTF-8` or `ANSI_X3.4-1968`.
    package static func codeset() -> String {
        guard let name = nl_langinfo(Int32(CODESET)) else { return "" }
        return String(cString: name)
    }
}
