import Foundation

extension ClientConfiguration {
    /// Why `key` cannot be sent as an API key, or nil when it can. The answer names what is wrong and where
    /// (`a carriage return (\r) at the end`), never the key itself.
    ///
    /// A key holds no whitespace and no control characters: a header value cannot carry a line break, and
    /// a trailing `\r` (a key file saved with Windows line endings) or space is a copying mistake that the
    /// server would answer with 401 at best.
    public static func keyProblem(_ key: String, source: String = "the API key") -> String? {
        let scalars = Array(key.unicodeScalars)
        guard let index = scalars.firstIndex(where: isForbidden) else { return nil }
        let position: String
        switch index {
        case scalars.count - 1: position = "at the end"
        case 0: position = "at the start"
        default: position = "at character \(index + 1) of \(scalars.count)"
        }
        var problem = "\(source) contains \(describe(scalars[index])) \(position)"
        if scalars[index] == "\r" { problem += " (a file saved with Windows line endings?)" }
        return problem + "; remove it and try again (the key is not shown)"
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
            || scalar.properties.generalCategory == .paragraphSeparator
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\r": "a carriage return (\\r)"
        case "\n": "a line feed (\\n)"
        case "\t": "a tab"
        case " ": "a space"
        default:
            "the invisible character U+"
                + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
                + String(scalar.value, radix: 16, uppercase: true)
        }
    }
}
