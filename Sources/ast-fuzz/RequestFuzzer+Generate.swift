import AsteroidSandbox
import Foundation
import HTTPTypes

/// One generated request: what the fuzzer sends, and what it asked the sandbox to inject.
struct FuzzRequest: Sendable {
    var method: HTTPRequest.Method
    var uri: String
    var headers: HTTPFields
    var body: [UInt8]?

    /// True when the `X-Sandbox-Fault` header asks for a 5xx (before or after the handler).
    var askedServerError: Bool { faultTokens.contains { $0.status.map { $0 >= 500 } ?? false } }
    /// True when the header asks for a reset (the response body then fails on purpose).
    var askedReset: Bool { faultTokens.contains { $0.reset } }

    private var faultTokens: [(status: Int?, reset: Bool)] {
        guard let name = HTTPField.Name("X-Sandbox-Fault"), let value = headers[name] else { return [] }
        return value.split(separator: ",").map { raw in
            var token = raw.trimmingCharacters(in: .whitespaces)
            if token.hasPrefix("after-") { token.removeFirst(6) }
            return (token.count == 3 ? Int(token) : nil, token == "reset")
        }
    }

    /// The request as text, for the saved input: request line, headers, blank line, body (bytes as sent).
    var rendered: [UInt8] {
        var text = "\(method.rawValue) \(uri)\n"
        for field in headers { text += "\(field.name): \(field.value)\n" }
        return Array((text + "\n").utf8) + (body ?? [])
    }
}

/// SplitMix64: small, fast and the same on every machine, so a seed names a run.
struct FuzzRandom {
    var state: UInt64

    init(seed: UInt64, index: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ index &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SeedRandom.mix(state)
    }

    /// 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    /// True with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Builds request number `index` of a run from the seed alone (independent of the order requests finish in).
struct RequestGenerator: Sendable {
    let seed: UInt64
    let key: String
    /// Ids that exist (so handlers are reached): executions, agents, organisations.
    let executionIds: [String]
    let agentIds: [String]
    let organizationIds: [String]

    static let numbers = [
        "0", "-1", "1", "2", "25", "26", "100", "101", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "99999999999999999999999999", "1e309", "-1e309", "1e16", "NaN", "nan", "inf", "-inf",
        "0x10", "1.5", "-0", "+5", "٣", "１",
    ]
    static let words = [
        "", " ", "%", "%zz", "%00", "%FF%FE", "\u{0}", "😀", "é", "a\u{301}", "\u{202E}rtl", "true", "null", "[]", "{}",
        "'", "\"", "../..", "..%2F..", "status=failed", "a&b=c", "desc", "asc", "failed", "running", "completed",
        "paused", "cancelled", "starting", "createdAt", "startedAt", "status", "name", "createdAt:desc", "bogus:up",
        "2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "24h", "100000000000000w", "-5m", "api", "ui", "schedule",
    ]
    static let listParameters = [
        "organizationId", "pageSize", "page", "executionId", "agentId", "workflowId", "agentProfileIds", "profileIds",
        "status", "phase", "createdAfter", "createdBefore", "createdWithin", "humanLabels", "outcomeLabel",
        "metadataKey", "metadataValue", "metadata", "inputsKey", "inputsValue", "workflowVersion", "hasScriptFailures",
        "triggerSource", "batchId", "sortField", "sortDirection", "sort",
    ]
    static let faults = [
        "503", "500", "502", "429", "404", "reset", "after-reset", "after-502", "after-500", "latency=1ms",
        "latency=5ms,503", "latency=1e300s", "latency=infs", "latency=1e16s", "latency=9223372036854775807ms",
        "latency=50s", "latency=-1", "after-", "after-999", "600", "explode", "", ",,,", "latency=", "503,reset",
    ]
    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .head, .options]

    func request(_ index: UInt64) -> FuzzRequest {
        var random = FuzzRandom(seed: seed, index: index)
        var request = route(&random)
        headers(&random, &request)
        if random.percent(8) { request.method = random.pick(Self.methods) }
        if random.percent(5) { request.uri = mutatePath(&random, request.uri) }
        return request
    }

    // MARK: Values

    func value(_ random: inout FuzzRandom) -> String {
        switch random.below(100) {
        case 0...39: random.pick(Self.numbers)
        case 40...69: random.pick(Self.words)
        case 70...84: id(&random)
        case 85:
            String(
                repeating: random.pick(["a", "9", "é", "%20"]),
                count: random.percent(90) ? 256 : random.pick([5_000, 70_000]))
        default: String(random.next(), radix: random.pick([10, 16, 36]))
        }
    }

    func id(_ random: inout FuzzRandom) -> String {
        switch random.below(12) {
        case 0...6: random.pick(executionIds)
        case 7: random.pick(agentIds)
        case 8: Self.uuid(random.next(), random.next())
        case 9: "00000000-0000-0000-0000-000000000000"
        case 10: random.pick(executionIds).uppercased()
        default: random.pick(Self.words + Self.numbers)
        }
    }

    /// A well-formed UUID that names nothing.
    static func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-8" + String(c[17..<20]) + "-"
            + String(c[20..<32])
    }

    /// `value` percent-encoded (mostly) or raw, so both the decoder and the raw bytes are exercised.
    func queryText(_ random: inout FuzzRandom, _ text: String) -> String {
        random.percent(80) ? (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text) : text
    }

    /// Values each parameter accepts, so a share of requests pass validation and reach the store.
    static let goodValues: [String: [String]] = [
        "page": ["1", "2", "3"], "pageSize": ["1", "10", "100"], "status": ["failed", "running", "completed"],
        "sortField": ["createdAt", "status"], "sortDirection": ["asc", "desc"], "order": ["asc", "desc"],
        "limit": ["1", "5"], "timeoutSeconds": ["1", "25"], "createdWithin": ["24h", "7d"], "searchName": ["Invoice"],
        "metadataKey": ["env"], "hasScriptFailures": ["true", "false"], "triggerSource": ["api", "ui"],
    ]

    func query(_ random: inout FuzzRandom, _ names: [String]) -> String {
        if random.percent(30) {
            let good = names.filter { Self.goodValues[$0] != nil }
            guard !good.isEmpty else { return "" }
            return "?"
                + (0..<random.below(3)).map { _ in
                    let name = random.pick(good)
                    return name + "=" + random.pick(Self.goodValues[name] ?? [""])
                }.joined(separator: "&")
        }
        let count = random.pick([0, 1, 1, 2, 3, 5, 12])
        var items: [String] = []
        for _ in 0..<count {
            let name = random.percent(90) ? random.pick(names) : value(&random)
            items.append(queryText(&random, name) + (random.percent(5) ? "" : "=" + queryText(&random, value(&random))))
        }
        if random.percent(5), let first = items.first { items += Array(repeating: first, count: random.pick([2, 50])) }
        return items.isEmpty
            ? "" : "?" + items.joined(separator: random.percent(97) ? "&" : random.pick([";", "&&", "&=&"]))
    }

    // MARK: Routes

    func route(_ random: inout FuzzRandom) -> FuzzRequest {
        let e = id(&random)
        let agent = random.percent(85) ? random.pick(agentIds) : id(&random)
        func make(_ method: HTTPRequest.Method, _ path: String, _ body: [UInt8]? = nil) -> FuzzRequest {
            FuzzRequest(method: method, uri: "/agents/v2/" + path, headers: [:], body: body)
        }
        switch random.below(20) {
        case 0...3: return make(.get, "executions" + query(&random, Self.listParameters))
        case 4: return make(.get, "executions/\(e)")
        case 5: return make(random.percent(25) ? .delete : .get, "executions/\(e)")
        case 6: return make(.get, "executions/\(e)/activities" + query(&random, ["order", "limit"]))
        case 7: return make(.get, "executions/\(e)/recording" + query(&random, ["token"]))
        case 8: return make(.get, "executions/\(e)/sync" + query(&random, ["timeoutSeconds"]))
        case 9: return make(.post, "executions/\(e)/\(random.pick(["pause", "resume", "cancel"]))", maybeBody(&random))
        case 10:
            return make(
                .post, "executions/\(e)/status", json(&random, ["status": .string(["running", "paused", "cancelled"])]))
        case 11: return make(.post, "executions/\(e)/user-messages", json(&random, ["message": .text]))
        case 12: return make(.post, "executions/\(e)/rerun", json(&random, Self.rerunFields))
        case 13: return make(.get, random.pick(["agents", "workflows"]) + query(&random, Self.agentParameters))
        case 14...16:
            let path = "\(random.pick(["agents", "workflows"]))/\(agent)/execute\(random.percent(25) ? "/sync" : "")"
            return make(.post, path, json(&random, Self.executeFields))
        case 17, 18:
            var request = make(
                .post,
                random.percent(50)
                    ? "temp-files" + query(&random, ["organizationId"])
                    : "temp-files/\(random.percent(80) ? random.pick(organizationIds) : id(&random))")
            multipart(&random, &request)
            return request
        default:
            return make(
                random.pick(Self.methods),
                random.pick(["", "executions/", "agents/\(agent)", "x", "executions/\(e)/x"]))
        }
    }

    static let agentParameters = ["organizationId", "pageSize", "page", "searchName", "sortField", "sortDirection"]

    func mutatePath(_ random: inout FuzzRandom, _ uri: String) -> String {
        switch random.below(8) {
        case 0: return uri.replacingOccurrences(of: "/", with: "//")
        case 1: return uri + "/"
        case 2: return String(uri.dropFirst(10))
        case 3: return "/agents/v2"
        case 4: return uri.replacingOccurrences(of: "executions", with: "EXECUTIONS")
        case 5: return uri + "/" + value(&random)
        case 6: return uri.replacingOccurrences(of: "-", with: "%2D")
        default: return "/" + value(&random)
        }
    }

    // MARK: Headers

    func headers(_ random: inout FuzzRandom, _ request: inout FuzzRequest) {
        let keyNames = ["X-Asteroid-Agents-Api-Key", "X-Api-Key"].compactMap { HTTPField.Name($0) }
        switch random.below(100) {
        case 0...89: request.headers[random.pick(keyNames)] = key
        case 90...93:
            request.headers[random.pick(keyNames)] = value(&random).filter { $0.isASCII && !$0.isNewline && $0 != "\0" }
        case 94...96: for name in keyNames { request.headers[name] = key + (random.percent(50) ? "" : "x") }
        default: break
        }
        if random.percent(10), let name = HTTPField.Name("X-Sandbox-Fault") {
            request.headers[name] = random.percent(80) ? random.pick(Self.faults) : value(&random).filter(\.isASCII)
        }
        if request.body != nil, request.headers[.contentType] == nil {
            request.headers[.contentType] =
                random.percent(90)
                ? "application/json" : random.pick(["text/plain", "", "application/json; charset=utf-16"])
        }
        if random.percent(2) {
            request.headers[.contentLength] = random.pick(["-1", "0", "99999999999999999999", "abc"])
        }
    }

    // MARK: Bodies

    /// A field's kind of valid value, from which the generator drifts into wrong types and extremes.
    enum Field {
        case string([String])
        case text
        case int
        case bool
        case object
        case strings
        case files
    }

    static let executeFields: [String: Field] = [
        "inputs": .object, "dynamicData": .object, "metadata": .strings, "version": .int, "head": .bool,
        "timeoutSeconds": .int, "profileId": .text, "agentProfileId": .text, "agentProfilePoolId": .text,
        "profileGroupId": .text, "tempFiles": .files, "executionOptions": .object,
        "onCapacityLimit": .string(["queue", "reject"]),
    ]
    static let rerunFields: [String: Field] = ["inputs": .object, "profileId": .text, "agentProfileId": .text]

    func maybeBody(_ random: inout FuzzRandom) -> [UInt8]? {
        random.percent(80) ? nil : Array(random.pick(["", "{}", "null", "{", "[]"]).utf8)
    }

    func json(_ random: inout FuzzRandom, _ fields: [String: Field]) -> [UInt8] {
        switch random.below(100) {
        case 0...19:
            return Array(
                random.pick([
                    "{}", "{\"inputs\":{\"invoiceNumber\":\"INV-1\"}}", "{\"status\":\"paused\"}",
                    "{\"message\":\"hi\"}",
                ]).utf8)
        case 20...24: return deep(&random)
        case 5: return Array(repeating: UInt8(ascii: " "), count: random.percent(50) ? 0 : 10)
        case 6 where random.percent(10):
            return Array("{\"inputs\":{\"x\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 4 << 20)
                + Array("\"}}".utf8)
        default: break
        }
        var members: [String] = []
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) where random.percent(40) {
            members.append(
                "\"\(name)\":" + (random.percent(85) ? literal(&random, field) : anyLiteral(&random, depth: 0)))
        }
        if random.percent(5) { members.append("\"\(value(&random).filter { $0 != "\"" && $0 != "\\" })\":1") }
        if random.percent(3), let first = members.first { members.append(first) }
        var bytes = Array(("{" + members.joined(separator: ",") + "}").utf8)
        switch random.below(20) {
        case 0: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
        case 1 where !bytes.isEmpty: bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes = Array("[".utf8) + bytes + Array("]".utf8)
        case 3: bytes += [0xFF, 0xFE, 0x00]
        default: break
        }
        return bytes
    }

    func literal(_ random: inout FuzzRandom, _ field: Field) -> String {
        switch field {
        case .string(let values): return quoted(random.percent(80) ? random.pick(values) : value(&random))
        case .text: return quoted(random.percent(50) ? "hello" : value(&random))
        case .int:
            return random.pick(Self.numbers.filter { $0.allSatisfy { "-0123456789.e".contains($0) } && !$0.isEmpty })
        case .bool: return random.pick(["true", "false", "1", "\"true\""])
        case .object: return anyLiteral(&random, depth: 1, object: true)
        case .strings: return "{\"env\":\(quoted(value(&random))),\"k\":\(random.percent(80) ? quoted("v") : "1")}"
        case .files: return "[{\"id\":\(quoted(id(&random))),\"name\":\(quoted(value(&random)))}]"
        }
    }

    func anyLiteral(_ random: inout FuzzRandom, depth: Int, object: Bool = false) -> String {
        if object || (depth < 4 && random.percent(20)) {
            let count = random.below(4)
            return "{"
                + (0..<count).map { _ in quoted(value(&random)) + ":" + anyLiteral(&random, depth: depth + 1) }.joined(
                    separator: ",") + "}"
        }
        if depth < 4 && random.percent(15) {
            return "[" + (0..<random.below(4)).map { _ in anyLiteral(&random, depth: depth + 1) }.joined(separator: ",")
                + "]"
        }
        return random.pick([
            quoted(value(&random)), "1e400", "-1e400", "9223372036854775808", "-0", "0.1", "true", "null", "1E-400",
            "123456789012345678901234567890", "\"\\ud800\"", "\"\\u0000\"",
        ])
    }

    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Deeply nested JSON: arrays or objects, closed or not.
    func deep(_ random: inout FuzzRandom) -> [UInt8] {
        let depth = random.pick([100, 600, 5_000, 100_000])
        let object = random.percent(50)
        let open: [UInt8] = Array((object ? "{\"a\":" : "[").utf8)
        var bytes: [UInt8] = object ? Array("{\"inputs\":".utf8) : []
        bytes.reserveCapacity(depth * open.count + 16)
        for _ in 0..<depth { bytes += open }
        bytes += Array("1".utf8)
        if random.percent(70) { for _ in 0..<depth { bytes.append(UInt8(ascii: object ? "}" : "]")) } }
        if object { bytes.append(UInt8(ascii: "}")) }
        return bytes
    }

    func multipart(_ random: inout FuzzRandom, _ request: inout FuzzRequest) {
        let boundary = random.percent(85) ? "fuzzboundary" : value(&random).filter { $0.isASCII && !$0.isNewline }
        request.headers[.contentType] =
            random.percent(85)
            ? "multipart/form-data; boundary=\(boundary)"
            : random.pick(["multipart/form-data", "application/json", "multipart/form-data; boundary=\"\""])
        var parts: [String] = []
        for _ in 0..<random.pick([0, 1, 1, 2, 5]) {
            let name = random.percent(80) ? "files" : value(&random)
            let disposition =
                random.percent(90)
                ? "Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(value(&random))\"\r\n" : ""
            parts.append("--\(boundary)\r\n\(disposition)Content-Type: text/plain\r\n\r\n\(value(&random))\r\n")
        }
        var body = parts.joined() + (random.percent(85) ? "--\(boundary)--\r\n" : "")
        if random.percent(10) { body = String(body.prefix(random.below(body.count + 1))) }
        request.body = Array(body.utf8)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
