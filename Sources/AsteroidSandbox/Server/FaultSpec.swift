import Foundation

/// Fault injection: random failures for every request (`--faults`) and one forced failure per request
/// (`X-Sandbox-Fault` header). Faults happen before any state change, so a client knows a failed
/// request did nothing.
public struct FaultSpec: Sendable, Hashable {
    /// Probability (0…1) of answering with each HTTP status (500, 502, 503, 429, …).
    public var statusRates: [Int: Double]
    /// Probability of dropping the connection mid-response.
    public var resetRate: Double
    /// Extra latency added to every request, in milliseconds.
    public var latencyMs: Int

    public init(statusRates: [Int: Double] = [:], resetRate: Double = 0, latencyMs: Int = 0) {
        self.statusRates = statusRates
        self.resetRate = resetRate
        self.latencyMs = latencyMs
    }

    public var isEmpty: Bool { statusRates.isEmpty && resetRate == 0 && latencyMs == 0 }

    /// Parses `500:0.05,503:0.05,429:0.05,latency:20ms,reset:0.01`. Empty text means no faults.
    public init(parsing text: String) throws(FaultSpecError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw FaultSpecError(item: item, reason: "expected name:value") }
            let (name, value) = (parts[0], parts[1])
            if name == "latency" {
                guard let ms = Self.milliseconds(value) else {
                    throw FaultSpecError(item: item, reason: "latency must look like 20ms or 1s")
                }
                latencyMs = ms
                continue
            }
            guard let rate = Double(value), (0...1).contains(rate) else {
                throw FaultSpecError(item: item, reason: "the rate must be a number between 0 and 1")
            }
            if name == "reset" {
                resetRate = rate
            } else if let status = Int(name), (400...599).contains(status) {
                statusRates[status] = rate
            } else {
                throw FaultSpecError(item: item, reason: "expected an HTTP status 400–599, reset or latency")
            }
        }
        if statusRates.values.reduce(0, +) + resetRate > 1 {
            throw FaultSpecError(item: text, reason: "the rates add up to more than 1")
        }
    }

    /// `20ms`, `1s`, `1.5s`, or a bare number of milliseconds.
    static func milliseconds(_ text: String) -> Int? {
        if text.hasSuffix("ms"), let value = Int(text.dropLast(2)), value >= 0 { return value }
        if text.hasSuffix("s"), let value = Double(text.dropLast()), value >= 0 { return Int(value * 1000) }
        if let value = Int(text), value >= 0 { return value }
        return nil
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
}

/// A forced fault from the `X-Sandbox-Fault` header: `503`, `reset`, `latency=200ms` (comma-separated
/// to combine, e.g. `latency=200ms,503`).
struct ForcedFault: Sendable, Hashable {
    var decision: FaultDecision?
    var latencyMs: Int = 0

    init(header: String) throws(FaultSpecError) {
        for item in header.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item == "reset" {
                decision = .reset
            } else if item.hasPrefix("latency=") || item.hasPrefix("latency:") {
                guard let ms = FaultSpec.milliseconds(String(item.dropFirst(8))) else {
                    throw FaultSpecError(item: item, reason: "latency must look like 200ms or 1s")
                }
                latencyMs = ms
            } else if let status = Int(item), (400...599).contains(status) {
                decision = .status(status)
            } else {
                throw FaultSpecError(item: item, reason: "expected an HTTP status 400–599, reset or latency=200ms")
            }
        }
    }
}
