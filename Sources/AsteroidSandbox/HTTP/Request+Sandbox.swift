import AsteroidModels
import Foundation
import Hummingbird

extension Request {
    /// Query items in order, repeated keys kept, `+` read as a space and percent-escapes decoded.
    var queryItems: [(name: String, value: String)] {
        guard let query = uri.query, !query.isEmpty else { return [] }
        return query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            guard let name = parts.first.map(decode), !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    func query(_ name: String) -> String? {
        queryItems.last { $0.name == name }?.value
    }

    /// The body decoded with the shared coders; an empty body decodes as `{}` when `emptyAsObject`.
    func decodeBody<T: Decodable>(_ type: T.Type, emptyAsObject: Bool) async throws -> T {
        let buffer = try await body.collect(upTo: 4 << 20)
        var data = Data(buffer: buffer)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard emptyAsObject else { throw SandboxError.badRequest("body", "a JSON object is required") }
            data = Data("{}".utf8)
        }
        do {
            return try AsteroidJSON.makeDecoder().decode(T.self, from: data)
        } catch {
            throw SandboxError.malformedBody(error)
        }
    }
}

extension RequestContext {
    /// A UUID path parameter, or a 400 naming it.
    func uuidParameter(_ name: String) throws -> String {
        let value = parameters.get(name) ?? ""
        do {
            try UUIDFormat.check(value, name)
        } catch {
            throw SandboxError.badRequest(error)
        }
        return value.lowercased()
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self = Data(buffer.readableBytesView)
    }
}
