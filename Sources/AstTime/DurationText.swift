/// The duration grammar of the language's literal and of every argument that takes one:
/// `250ms 90s 15m 24h 7d 2w`, parts joined (`1h30m`, `1d12h`) and decimal (`1.5h`).
public enum DurationText {
    /// Seconds per unit.
    public static let units: [(String, Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
    ]

    /// Seconds, or nil if the text is not a duration. May be infinite (`9…9w`): the caller decides
    /// whether that is an error (the lexer's E006), so nothing here traps.
    public static func parse(_ text: String) -> Double? {
        let chars = Array(text.utf8)
        var index = 0
        var total = 0.0
        var parts = 0
        while index < chars.count {
            let start = index
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            if index < chars.count, chars[index] == UInt8(ascii: "."), index > start {
                index += 1
                while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
            }
            guard index > start, let number = Double(String(decoding: chars[start..<index], as: UTF8.self)) else {
                return nil
            }
            let unitStart = index
            while index < chars.count, chars[index] >= 97 && chars[index] <= 122 { index += 1 }
            let unit = String(decoding: chars[unitStart..<index], as: UTF8.self)
            guard let factor = units.first(where: { $0.0 == unit })?.1 else { return nil }
            total += number * factor
            parts += 1
        }
        return parts > 0 ? total : nil
    }
}
