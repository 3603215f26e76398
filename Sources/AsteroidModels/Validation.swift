import Foundation

/// A request that breaks a documented rule, naming the parameter or body field at fault.
///
/// Shared by both sides of the wire: the client refuses to send such a request (strict writing), and the
/// sandbox answers it with a 400 whose `errors` list carries the same `parameter` and `detail`.
/// Named `RequestValidationError`, not `ValidationError`, so that it does not shadow ArgumentParser.ValidationError.
public struct RequestValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var parameter: String
    public var detail: String

    public init(_ parameter: String, _ detail: String) {
        self.parameter = parameter
        self.detail = detail
    }

    public var description: String { "invalid \(parameter): \(detail)" }
}

package enum UUIDFormat {
    /// True for the canonical 8-4-4-4-12 hexadecimal form (either case), as the API writes ids.
    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
                guard isHex else { return false }
            }
        }
        return true
    }

    /// Throws a `RequestValidationError` naming `parameter` when `value` is not a UUID.
    package static func check(_ value: String?, _ parameter: String) throws(RequestValidationError) {
        guard let value else { return }
        guard isValid(value) else {
            throw RequestValidationError(parameter, "\"\(value)\" is not a UUID (expected 8-4-4-4-12 hex digits)")
        }
    }
}

/// Durations in the API's `createdWithin` form: number–unit pairs, units `w d h m`, largest first.
package enum WithinDuration {
    /// `30m` → 1800, `1d12h` → 129600. `nil` for anything else (empty, wrong order, unknown unit, > 10 years).
    package static func seconds(_ text: String) -> Int? {
        let units: [(Character, Int)] = [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)]
        var total = 0
        var number = ""
        var nextUnit = 0
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            guard let position = units.firstIndex(where: { $0.0 == character }), position >= nextUnit,
                let value = Int(number), number.count <= 6
            else { return nil }
            total += value * units[position].1
            number = ""
            nextUnit = position + 1
        }
        guard number.isEmpty, total > 0, total <= 10 * 366 * 86_400 else { return nil }
        return total
    }
}
