import Foundation

/// Something that holds a request until it may be sent (the API column's rate limiter).
package protocol RequestPacer: Sendable {
    func pace() async throws
}

/// Request rate limits as the language sets them, without knowing HTTP: `each --rate 10/s` binds a pacer
/// for its items (shared by all its workers), `set rate 10/s` sets one for the session. The API service
/// installs the factory that makes pacers and reads `current` (then the session's) before every request.
package enum RequestPacing {
    package typealias Factory = @Sendable (Double) -> any RequestPacer

    /// The pacer of the work in this task (an `each --rate`).
    @TaskLocal package static var current: (any RequestPacer)?

    static let factoryKey = "request-pacer-factory"
    static let sessionKey = "request-pacer-session"

    package static func install(_ factory: @escaping Factory, on interpreter: Interpreter) {
        interpreter.setExtension(factoryKey, factory)
    }

    /// A new pacer for `perSecond` (nil when no API is attached: nothing to pace).
    package static func make(perSecond: Double, on interpreter: Interpreter) -> (any RequestPacer)? {
        let factory: Factory? = interpreter.extensionValue(factoryKey)
        return factory?(perSecond)
    }

    /// The session's pacer (`set rate`), if any.
    package static func session(of interpreter: Interpreter) -> (any RequestPacer)? {
        let pacer: (any RequestPacer)?? = interpreter.extensionValue(sessionKey)
        return pacer ?? nil
    }

    package static func setSession(perSecond: Double?, on interpreter: Interpreter) {
        let pacer = perSecond.flatMap { make(perSecond: $0, on: interpreter) }
        interpreter.setExtension(sessionKey, pacer)
    }

    /// `10/s`, `600/m`, `3600/h`, or a bare number (per second): requests per second, positive and at
    /// most 1,000,000; nil otherwise.
    package static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let count = parts.first.flatMap({ Double($0) }), count.isFinite, count > 0 else { return nil }
        let unit: Double
        switch parts.count == 2 ? parts[1] : "s" {
        case "s", "sec", "second": unit = 1
        case "m", "min", "minute": unit = 60
        case "h", "hour": unit = 3600
        default: return nil
        }
        let rate = count / unit
        return rate <= 1_000_000 ? rate : nil
    }

    package static let rule = "a rate looks like 10/s, 600/m or 3600/h"
}
