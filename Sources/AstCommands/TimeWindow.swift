import AstRuntime
import AstSyntax
import AsteroidModels
import Foundation

/// The creation-time window of `list`: `since=`/`after=` its start, `before=` its end. Each is a time
/// (`2026-12-01T10:00`, "2026-12-01 10:00" local, `today`, `yesterday`) or a duration meaning that long
/// before now (`since=24h`, `before=1h`). A negative duration, two starts (`since=` and `after=`), a start
/// at or past the end, or a time RFC 3339 cannot write is an error pointing at the argument, before any
/// request (an empty window used to come back as silently empty).
struct TimeWindow {
    var after: Date?
    var before: Date?

    /// The years 0001–9999, which a time filter may name (AstTime's checked conversion).
    static let writableTimes: ClosedRange<Date> = {
        let (lower, upper) = (RFC3339.writable.lowerBound, RFC3339.writable.upperBound)
        return Date(timeIntervalSince1970: lower)...Date(timeIntervalSince1970: upper)
    }()

    static func resolve(_ call: Invocation) throws -> TimeWindow {
        var window = TimeWindow()
        let starts = ["since", "after"].filter { call.named[$0] != nil }
        if starts.count == 2 {
            let later =
                starts.max { (call.argumentSpans[$0]?.start ?? 0) < (call.argumentSpans[$1]?.start ?? 0) } ?? "after"
            throw call.error(
                "list: since= and after= both set where the window starts; give one of them", argument: later,
                help: "since=24h is after=(now - 24h)", code: DiagnosticCode.badArgument)
        }
        for name in starts + ["before"] {
            guard let value = call.named[name], let date = try moment(value, name: name, call: call) else { continue }
            if name == "before" { window.before = date } else { window.after = date }
        }
        if let after = window.after, let before = window.before, after >= before {
            let lowerName = starts.first ?? "after"
            let lowerFirst = (call.argumentSpans[lowerName]?.start ?? 0) < (call.argumentSpans["before"]?.start ?? 0)
            throw call.error(
                "list: \(lowerName)=\(RFC3339.format(after)) is not earlier than before=\(RFC3339.format(before)); no "
                    + "execution can match",
                argument: lowerFirst ? "before" : lowerName,
                help: "\(lowerName)= is the start of the window and before= its end",
                code: DiagnosticCode.badArgument)
        }
        return window
    }

    /// The instant one argument names.
    static func moment(_ value: Value, name: String, call: Invocation) throws -> Date? {
        let written = call.argumentSpans[name].map { call.env.source.text(of: $0) } ?? "\(name)=\(value.text)"
        let since1970: Double
        switch value {
        case .time(let time): since1970 = time.timeIntervalSince1970
        case .duration(let seconds):
            guard seconds >= 0 else {
                throw call.error(
                    "list: \(written) is a negative duration; a window reaches back from now", argument: name,
                    help:
                        "\(name)=\(Value.formatDuration(-seconds)) means \(Value.formatDuration(-seconds)) before now",
                    code: DiagnosticCode.badArgument)
            }
            since1970 = call.now.timeIntervalSince1970 - seconds
        default:
            return nil
        }
        do {
            return try RFC3339.checkedDate(secondsSince1970: since1970)
        } catch {
            throw call.error(
                "list: \(written) reaches outside the years 0001–9999 (RFC 3339 cannot write it)", argument: name,
                help: "a time filter must fall between 0001-01-01 and 9999-12-31", code: DiagnosticCode.badArgument)
        }
    }
}
