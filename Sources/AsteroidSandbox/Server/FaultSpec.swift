import Foundation

/// Fault injection: random failures for every request (`--faults`) and one forced failure per request
/// (`X-Sandbox-Fault` header). Plain faults fire before any state change, so a client knows a failed
/// request did nothing; `after-` faults fire once the handler has run and committed its change, for
/// testing how a client settles an ambiguous write.
public struct FaultSpec: Sendable, Hashable {
    /// The longest injected latency accepted, in milliseconds (60 s), from `--faults` or the header.
    public static let maxLatencyMs = 60_000

    /// Probability (0…1) of answering with each HTTP status (500, 502, 503, 429, …) before the handler.
    public var statusRates: [Int: Double]
    /// Probability of dropping the connection mid-response before the handler.
    public var resetRate: Double
    /// Probability of answering with each status after the handler ran and committed (`after-502:0.1`).
    public var afterStatusRates: [Int: Double]
    /// Probability of dropping the connection after the handler ran and committed (`after-reset:0.1`).
    public var afterResetRate: Double
    /// Extra latency added to every request, in milliseconds (0…`maxLatencyMs`).
    public var latencyMs: Int
    /// Requests per second served (`rate:10/s`): above it, a request is answered 429 with `Retry-After: 1`
    /// before the handler. A bucket of one second's requests, refilled continuously.
    public var rateLimit: Double?
    /// A rerun outage (`reruns-503:5s`): every `POST …/rerun` in the first milliseconds after the server
    /// started is answered with the status, before the handler; afterwards reruns work again.
    public var rerunOutage: RerunOutage?

    public struct RerunOutage: Sendable, Hashable {
        public var status: Int
        public var ms: Int
        public init(status: Int, ms: Int) {
            self.status = status
            self.ms = ms
        }
    }

    public init(
        statusRates: [Int: Double] = [:], resetRate: Double = 0, latencyMs: Int = 0,
        afterStatusRates: [Int: Double] = [:], afterResetRate: Double = 0
    ) {
        self.statusRates = statusRates
        self.resetRate = resetRate
        self.latencyMs = latencyMs
        self.afterStatusRates = afterStatusRates
        self.afterResetRate = afterResetRate
    }

    public var isEmpty: Bool { !rolls && latencyMs == 0 && rateLimit == nil && rerunOutage == nil }

    /// True when any rate is set, so each request rolls the dice.
    var rolls: Bool { !statusRates.isEmpty || resetRate > 0 || !afterStatusRates.isEmpty || afterResetRate > 0 }

    /// Parses `500:0.05,503:0.05,429:0.05,latency:20ms,reset:0.01,after-reset:0.01,after-502:0.01`.
    /// Empty text means no faults.
    public init(parsing text: String) throws(FaultSpecError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw FaultSpecError(item: item, reason: "expected name:value") }
            let (name, value) = (parts[0], parts[1])
            if name == "latency" {
                guard let ms = Self.milliseconds(value) else {
                    throw FaultSpecError(item: item, reason: Self.latencyRule)
                }
                latencyMs = ms
                continue
            }
            if name.hasPrefix("reruns-") {
                guard case .status(let status)? = FaultDecision(name: String(name.dropFirst(7))),
                    let ms = Self.milliseconds(value)
                else { throw FaultSpecError(item: item, reason: Self.rerunOutageRule) }
                rerunOutage = RerunOutage(status: status, ms: ms)
                continue
            }
            if name == "rate" {
                guard let rate = Self.perSecond(value) else { throw FaultSpecError(item: item, reason: Self.rateRule) }
                rateLimit = rate
                continue
            }
            guard let rate = Double(value), (0...1).contains(rate) else {
                throw FaultSpecError(item: item, reason: "the rate must be a number between 0 and 1")
            }
            switch FaultDecision(name: name) {
            case .reset?: resetRate = rate
            case .status(let status)?: statusRates[status] = rate
            case .afterReset?: afterResetRate = rate
            case .afterStatus(let status)?: afterStatusRates[status] = rate
            case nil:
                throw FaultSpecError(
                    item: item, reason: "expected an HTTP status 400–599, reset, after-STATUS, after-reset or latency")
            }
        }
        let total = statusRates.values.reduce(0, +) + resetRate + afterStatusRates.values.reduce(0, +) + afterResetRate
        if total > 1 { throw FaultSpecError(item: text, reason: "the rates add up to more than 1") }
    }

    static let rerunOutageRule = "a rerun outage looks like reruns-503:5s (a status 400–599, at most 60s)"
    static let latencyRule = "latency must look like 20ms or 1.5s, at most 60s"
    static let rateRule = "rate must look like 10/s or 600/m (at least 1 per minute, at most 100000/s)"

    /// `10/s`, `600/m` or a bare number (per second), from 1/60 to 100,000 per second; nil otherwise.
    static func perSecond(_ text: String) -> Double? {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let count = parts.first.flatMap({ Double($0) }), count.isFinite, count > 0 else { return nil }
        let unit: Double
        switch parts.count == 2 ? String(parts[1]) : "s" {
        case "s": unit = 1
        case "m": unit = 60
        default: return nil
        }
        let rate = count / unit
        return (1.0 / 60 - 1e-9...100_000).contains(rate) ? rate : nil
    }

    /// `20ms`, `1s`, `1.5s`, or a bare number of milliseconds; nil when malformed, negative, not finite or
    /// above `maxLatencyMs` (the value is compared before it is converted, so no input can overflow).
    static func milliseconds(_ text: String) -> Int? {
        let number: Double?
        if text.hasSuffix("ms") {
            number = Double(text.dropLast(2))
        } else if text.hasSuffix("s") {
            number = Double(text.dropLast()).map { $0 * 1000 }
        } else {
            number = Double(text)
        }
        guard let number, number.isFinite, number >= 0, number <= Double(maxLatencyMs) else { return nil }
        return Int(number.rounded())
    }
}

public struct FaultSpecError: Error, Sendable, CustomStringConvertible {
    public var item: String
    public var reason: String
    public var description: String { "invalid fault \"\(item)\": \(reason)" }
}

/// What the fault middleware decided for one request.
enum FaultDecision: Sendable, Hashable {
    case status(Int)
    case reset
    case afterStatus(Int)
    case afterReset

    /// `503`, `reset`, `after-502`, `after-reset`; nil for anything else.
    init?(name: String) {
        let after = name.hasPrefix("after-")
        let rest = after ? String(name.dropFirst(6)) : name
        if rest == "reset" {
            self = after ? .afterReset : .reset
        } else if rest.utf8.count == 3, let status = Int(rest), (400...599).contains(status) {
            self = after ? .afterStatus(status) : .status(status)
        } else {
            return nil
        }
    }
}

/// A forced fault from the `X-Sandbox-Fault` header: `503`, `reset`, `after-502`, `after-reset`,
/// `latency=200ms` (comma-separated to combine, e.g. `latency=200ms,503`).
struct ForcedFault: Sendable, Hashable {
    var decision: FaultDecision?
    var latencyMs: Int = 0

    init(header: String) throws(FaultSpecError) {
        for item in header.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item.hasPrefix("latency=") || item.hasPrefix("latency:") {
                guard let ms = FaultSpec.milliseconds(String(item.dropFirst(8))) else {
                    throw FaultSpecError(item: item, reason: FaultSpec.latencyRule)
                }
                latencyMs = ms
            } else if let decision = FaultDecision(name: item) {
                self.decision = decision
            } else {
                throw FaultSpecError(
                    item: item,
                    reason: "expected an HTTP status 400–599, reset, after-STATUS, after-reset or latency=200ms")
            }
        }
    }
}
