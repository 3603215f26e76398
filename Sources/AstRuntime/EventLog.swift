import Foundation

/// Events of long-running work (`watch`, an endless `each`) on stderr: as a plain line (the default), or
/// with `ast --log-format json` as one JSON object per line for log collectors:
/// `{"time":"…","event":"poll","message":"…",…fields}`. Events: `poll`, `backoff`, `recovered`,
/// `item-done`, `item-failed`, `item-skipped`, `retry`, `retry-later`, `gave-up`, `stop`.
package final class EventLog: Sendable {
    package enum Format: String, Sendable, CaseIterable { case text, json }

    static let key = "event-log"
    package let format: Format

    package init(format: Format) { self.format = format }

    /// Sets the session's format (`ast --log-format json`).
    package static func install(_ format: Format, on interpreter: Interpreter) {
        interpreter.setExtension(key, EventLog(format: format))
    }

    package static func of(_ interpreter: Interpreter) -> EventLog {
        interpreter.extensionValue(key) ?? EventLog(format: .text)
    }

    /// Writes one event. `message` is the plain line; `quiet` events are written only as JSON (a poll
    /// that found nothing new is noise in a terminal, but a heartbeat for a collector).
    package func event(
        _ kind: String, _ message: String, fields: [(String, Value)] = [], quiet: Bool = false, to output: OutputSink
    ) {
        switch format {
        case .text:
            if !quiet { output.writeError(message + "\n") }
        case .json:
            let time = ISO8601DateFormatter.string(
                from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current,
                formatOptions: [.withInternetDateTime, .withFractionalSeconds])
            let pairs: [(String, Value)] =
                [("time", .string(time)), ("event", .string(kind)), ("message", .string(message))]
                + fields
            output.writeError(JSONText.encode(.record(Record(pairs))) + "\n")
        }
    }
}
