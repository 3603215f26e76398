import AstTime
import Foundation

/// The literal forms that are more than digits, read by AstTime's grammars (the same text the API
/// client accepts): durations and times.
package enum Literals {
    /// `250ms 90s 15m 24h 7d 2w 1d12h 1.5h` → seconds; nil if the text is not a duration.
    package static func duration(_ text: String) -> Double? { DurationText.parse(text) }

    /// `2026-11-01` (midnight UTC) or RFC 3339 `2026-11-01T10:00:00Z`, `…+02:00`, fractional seconds.
    package static func time(_ text: String) -> Date? { RFC3339.parseDayOrTime(text) }
}
