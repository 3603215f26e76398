import Foundation

/// The forms in which a secret can be printed, for `Redactor` to look for.
enum SecretForms {
    /// Runs of this many bytes of a secret count as the secret (`Redactor.scrub`).
    static let window = 8

    /// The secret without surrounding whitespace and control characters (`"sk-…\r\n"` → `"sk-…"`).
    static func core(_ secret: String) -> String {
        secret.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(.controlCharacters))
    }

    /// Every printed form of `secret` and of its core, as UTF-8 (duplicates possible).
    static func needles(for secret: String) -> [[UInt8]] {
        var forms: [String] = []
        for text in Set([secret, core(secret)]) where !text.isEmpty {
            forms += [text, swiftEscaped(text)]
            forms += jsonEscaped(text)
            forms += percentEncoded(text)
        }
        var needles = forms.map { Array($0.utf8) }
        for text in Set([secret, core(secret)]) { needles += base64(Array(text.utf8)).map { Array($0.utf8) } }
        return needles
    }

    /// As Swift prints it inside quotes (`String(reflecting:)`): `\r`, `\"`, `\u{1B}`.
    static func swiftEscaped(_ text: String) -> String {
        String(String(reflecting: text).dropFirst().dropLast())
    }

    /// As JSON encoders print it: `\r`, `\u000d` (and `\u000D`), with and without `\/`.
    static func jsonEscaped(_ text: String) -> [String] {
        var lower = ""
        var upper = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                lower += "\\\""
                upper += "\\\""
            case "\\":
                lower += "\\\\"
                upper += "\\\\"
            case "\n":
                lower += "\\n"
                upper += "\\n"
            case "\r":
                lower += "\\r"
                upper += "\\r"
            case "\t":
                lower += "\\t"
                upper += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                let padded = String(repeating: "0", count: 4 - hex.count) + hex
                lower += "\\u" + padded
                upper += "\\u" + padded.uppercased()
            default:
                lower.unicodeScalars.append(scalar)
                upper.unicodeScalars.append(scalar)
            }
        }
        let slashes = lower.replacingOccurrences(of: "/", with: "\\/")
        return [lower, upper, slashes]
    }

    /// Percent-encoded for a query, a path, with only unreserved characters or only letters and digits left;
    /// upper- and lower-case hex.
    static func percentEncoded(_ text: String) -> [String] {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let sets: [CharacterSet] = [unreserved, .alphanumerics, .urlQueryAllowed, .urlPathAllowed]
        var forms: [String] = []
        for set in sets {
            guard let encoded = text.addingPercentEncoding(withAllowedCharacters: set) else { continue }
            forms.append(encoded)
            forms.append(lowercasedEscapes(encoded))
        }
        // A form body (`application/x-www-form-urlencoded`) writes spaces as `+`.
        if let plus = text.addingPercentEncoding(
            withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: " ")))
        {
            forms.append(plus.replacingOccurrences(of: " ", with: "+"))
        }
        return forms
    }

    static func lowercasedEscapes(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let escape = rest[percent...].prefix(3)
            result += escape.lowercased()
            rest = rest[escape.endIndex...]
        }
        return result + rest
    }

    /// The base64 text that any base64 encoding containing `bytes` contains, at each of the three alignments
    /// (whole 3-byte groups only, so `key`, `key\n`, `key\r\n` and `xkey` all match), standard and URL-safe.
    static func base64(_ bytes: [UInt8]) -> [String] {
        var forms: [String] = []
        for offset in 0..<3 where bytes.count > offset {
            let rest = bytes.dropFirst(offset)
            let whole = rest.prefix(rest.count - rest.count % 3)
            guard whole.count >= 6 else { continue }
            let text = Data(whole).base64EncodedString()
            forms.append(text)
            forms.append(text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
        }
        return forms
    }

    /// The `window`-byte runs of the secret's core, each read as a little-endian word.
    static func windows(of secret: String) -> [UInt64] {
        let bytes = Array(core(secret).utf8)
        guard bytes.count > window else { return [] }
        return (0...(bytes.count - window)).map { start in
            (0..<window).reduce(UInt64(0)) { word, offset in word | UInt64(bytes[start + offset]) << (8 * offset) }
        }
    }
}
