import AstRuntime
import Foundation

/// One execution as a person reads it (`show`, and `get` at a terminal): status and outcome, the
/// reasoning, inputs and result, times in the local zone with ages, lineage, links, and the last
/// activities with their reasoning.
enum ExecutionView {
    static func render(_ execution: Record, activities: [Record]?, now: Date) -> String {
        var lines: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append((key, value))
        }
        func text(_ key: String) -> String? { execution[key].flatMap { $0.isNull ? nil : $0.text } }
        let result = execution["executionResult"]?.recordValue
        add("execution", text("id"))
        var agent = text("agentName") ?? text("agentId") ?? ""
        if let version = text("workflowVersion") { agent += " (v\(version))" }
        add("agent", agent)
        add(
            "status",
            [text("status"), result?["outcome"].flatMap { $0.isNull ? nil : $0.text }].compactMap { $0 }.joined(
                separator: " · "))
        add("reasoning", result?["reasoning"].flatMap { $0.isNull ? nil : $0.text })
        add("created", time(execution["createdAt"], now: now))
        add("started", time(execution["startedAt"], now: now))
        var ended = time(execution["terminalAt"], now: now)
        if let ended2 = ended, case .duration(let seconds)? = execution["duration"] {
            ended = "\(ended2) · ran \(Value.formatDuration(seconds))"
        }
        add("ended", ended)
        add("inputs", pairs(execution["inputs"]))
        if let value = result?["result"], !value.isNull { add("result", inline(value)) }
        add("metadata", pairs(execution["metadata"]))
        if case .list(let labels)? = execution["humanLabels"], !labels.isEmpty {
            add("labels", labels.compactMap { $0.recordValue?["name"]?.text }.joined(separator: ", "))
        }
        add("rerun of", text("parentExecutionId"))
        if case .bool(true)? = execution["hasBeenRerun"] { add("rerun", "yes: it has been rerun") }
        add("platform", text("platformUrl"))
        add("recording", text("recordingUrl") ?? text("browserRecordingUrl"))
        let width = lines.map(\.0.count).max() ?? 0
        var out = lines.map { "\($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)" }
        if let activities {
            out.append("")
            out.append(
                activities.isEmpty ? "no activities" : "last activities (\(LocalTime.marker(LocalTime.zone, at: now)))")
            for activity in activities {
                let payload = activity["payload"]?.recordValue
                let stamp: String
                if case .time(let date)? = activity["timestamp"] {
                    stamp = LocalTime.wall(date).suffix(8) + ""
                } else {
                    stamp = "        "
                }
                let type = payload?["activityType"]?.text ?? ""
                out.append(
                    "  \(stamp)  \(type.padding(toLength: 16, withPad: " ", startingAt: 0))  \(summary(payload))")
            }
        } else if text("id") != nil, execution["dryRun"]?.isTruthy != true {
            out.append("")
            out.append("(show \(text("id") ?? "") adds the last activities)")
        }
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(
            separator: "\n")
    }

    /// `2026-12-02 00:16:34 UTC (5m ago)`.
    static func time(_ value: Value?, now: Date) -> String? {
        guard case .time(let date)? = value else { return nil }
        return LocalTime.textWithAge(date, now: now)
    }

    /// `carrier=UPS  trackingNumber=1Z469178666`.
    static func pairs(_ value: Value?) -> String? {
        guard let record = value?.recordValue, record.count > 0 else { return nil }
        return record.pairs.map { "\($0.key)=\(inline($0.value))" }.joined(separator: "  ")
    }

    static func inline(_ value: Value) -> String {
        switch value {
        case .string(let s): return s.replacingOccurrences(of: "\n", with: " ")
        default: return value.literal
        }
    }

    /// What an activity says, in a line: the new status, the reasoning, the message, the step.
    static func summary(_ payload: Record?) -> String {
        guard let payload else { return "" }
        func field(_ key: String) -> String? { payload[key].flatMap { $0.isNull ? nil : $0.text } }
        if let status = field("status") {
            let reason = payload["failedPayload"]?.recordValue?["reason"]?.text
            return "status → \(status)\(reason.map { ": \($0)" } ?? "")"
        }
        if let reasoning = field("reasoning") { return reasoning }
        if let message = field("message") { return message }
        if let step = field("stepNumber") { return "step \(step)" }
        return ""
    }
}
