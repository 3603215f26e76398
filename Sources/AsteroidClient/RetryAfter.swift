import Foundation

/// Parses `Retry-After`: delay-seconds or an HTTP date. Values no `Duration` could hold are clamped.
package enum RetryAfter {
    /// The largest wait taken from a header (a year): a larger, infinite or far-future value is clamped
    /// to this, which is beyond any retry budget, so the client stops and says so.
    static let maximum: Double = 366 * 86_400

    package static func seconds(_ header: String?, now: Date) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text) {
            // NaN and negative waits mean nothing: ignored (the client's own backoff applies).
            guard !seconds.isNaN, seconds >= 0 else { return nil }
            return min(seconds, maximum)
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = date.timeIntervalSince(now).rounded(.up)
        return seconds.isNaN ? nil : min(max(0, seconds), maximum)
    }

    /// An HTTP date (`Retry-After`, `Date`) in any of the three forms RFC 9110 allows.
    static func httpDate(_ header: String?) -> Date? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
