import AsteroidModels
import Foundation
import Testing

/// The hand-written execution reader must agree with `JSONDecoder` exactly: the same value whenever it
/// answers, and no answer (so `JSONDecoder` runs and gives its error) whenever `JSONDecoder` fails.
@Suite("fast decoding = JSONDecoder")
struct FastDecodingTests {
    static func typed<T: Decodable>(_ type: T.Type, _ data: Data) -> T? {
        try? AsteroidJSON.makeDecoder().decode(T.self, from: data)
    }

    @Test(
        "the fixtures: seed-era and newest pages and executions",
        arguments: [
            "seed-list-executions.json", "newest-list-executions.json",
        ])
    func pages(_ name: String) throws {
        let data = try Fixtures.data(name)
        let fast = try #require(FastDecoding.decode(Page<Execution>.self, from: data))
        #expect(fast == Self.typed(Page<Execution>.self, data))
    }

    @Test("a single execution")
    func single() throws {
        let data = try Fixtures.data("seed-get-execution.json")
        let fast = try #require(FastDecoding.decode(Execution.self, from: data))
        #expect(fast == Self.typed(Execution.self, data))
        #expect(FastDecoding.decode(ExecuteResponse.self, from: data) == nil)  // no executionId: JSONDecoder's error
        #expect(FastDecoding.decode(StatusChange.self, from: data) == nil)  // other types: JSONDecoder's job
    }

    @Test(
        "execute and rerun answers",
        arguments: [
            #"{"executionId":"3c90c3cc-0d44-4b50-8888-8dd25736052a"}"#, #"{"executionId":"a","status":"starting"}"#,
            #"{"executionId":"a","status":"brand_new","extra":[1]}"#, #"{"executionId":"a","status":null}"#,
            #"{"executionId":null}"#, #"{"executionId":7}"#, #"{"status":"running"}"#, #"[]"#, #"{"executionId":"a""#,
        ])
    func executeResponses(_ text: String) {
        let data = Data(text.utf8)
        let fast = FastDecoding.decode(ExecuteResponse.self, from: data)
        let typed = Self.typed(ExecuteResponse.self, data)
        if let fast { #expect(fast == typed) } else { #expect(typed == nil) }
        if typed != nil { #expect(fast != nil) }
    }

    /// Every value of the newest page's first execution replaced in turn by each of these, and a few
    /// whole-text changes: the fast reader either agrees with JSONDecoder or steps aside.
    static let replacements = [
        "null", "true", "1", "1.0", "1.5", "-0", "1e2", "12345678901234567890", "\"\"", "\"x\"",
        "\"2025-01-02T03:04:05Z\"", "\"2025-01-02T03:04:05.123+02:00\"", "\"not a date\"", "[]", "{}",
        "[1,\"a\",null]", "{\"source\":\"schedule\"}", "\"\\u00e9\\n\\/\\\"\"", "\"\\ud83d\\ude80\"", "\"\\ud83d\"",
    ]

    @Test("mutations: the fast reader agrees with JSONDecoder or steps aside")
    func mutations() throws {
        let page = try Fixtures.data("newest-list-executions.json")
        let object = try #require(JSONSerialization.jsonObject(with: page) as? [String: Any])
        let first = try #require((object["items"] as? [[String: Any]])?.first)
        func text(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let base = try text(first)
        var variants: [String] = [
            base, base + " ", " \n" + base, "[" + base + "]", base + "x", String(base.dropLast()),
        ]
        for key in first.keys.sorted() {
            var marked = first
            marked[key] = "@@R@@"
            let template = try text(marked)
            for replacement in Self.replacements {
                variants.append(template.replacingOccurrences(of: "\"@@R@@\"", with: replacement))
            }
            var without = first
            without[key] = nil
            variants.append(try text(without))
            variants.append(String(base.dropLast()) + ",\"\(key)\":null}")
        }
        #expect(variants.count > 300)
        var answered = 0
        var decodable = 0
        for text in variants {
            let data = Data(text.utf8)
            let typed = Self.typed(Execution.self, data)
            if typed != nil { decodable += 1 }
            if let fast = FastDecoding.decode(Execution.self, from: data) {
                answered += 1
                #expect(fast == typed, "fast and JSONDecoder differ on \(text)")
            }
        }
        // It must also be useful: most texts JSONDecoder reads, the fast reader reads too.
        #expect(answered * 10 >= decodable * 7, "answered \(answered) of \(decodable) decodable")
    }
}
