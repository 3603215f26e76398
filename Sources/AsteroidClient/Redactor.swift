import Foundation

/// Hides secrets (the API key) in everything `ast` and the client show a person: log lines, errors,
/// dry-run dumps, and — through `scrubOutput` — everything the language writes to stdout and stderr.
///
/// A key is looked for in every form it can be printed in (`SecretForms`): raw, with surrounding
/// whitespace or control characters trimmed, Swift-escaped (`sk-…\r`, `\u{1B}`), JSON-escaped, percent-encoded
/// and base64 (at any alignment, so `key`, `key\n` and `key\r\n` are all caught). `scrub` (for messages)
/// also masks any run of eight or more characters of a key in their own order, so a message that cut the
/// key short still does not show it.
package struct Redactor: Sendable {
    package static let placeholder = "<redacted>"
    /// Header names whose values are always hidden, whatever the configured key header is.
    static let secretHeaders: Set<String> = ["x-asteroid-agents-api-key", "x-api-key", "authorization", "cookie"]

    var apiKeyHeader: String
    /// Every printable form of every secret, as UTF-8, longest first.
    let needles: [[UInt8]]
    /// The 8-byte windows of each secret (trimmed), as little-endian words.
    let windows: Set<UInt64>
    static let placeholderBytes = Array(placeholder.utf8)

    /// - `apiKey`: the key sent in `apiKeyHeader` (keys shorter than 4 characters are not looked for).
    /// - `secrets`: more values to hide (e.g. `ASTEROID_API_KEY` when the sandbox's key is the one in use).
    package init(
        apiKeyHeader: String = ClientConfiguration.defaultAPIKeyHeader, apiKey: String?, secrets: [String] = []
    ) {
        self.init(apiKeyHeader: apiKeyHeader, secrets: (apiKey.map { [$0] } ?? []) + secrets, minimumLength: 4)
    }

    /// For the language's output: only secrets of `minimumLength` characters or more are hidden (a short one
    /// would match ordinary text).
    package init(apiKeyHeader: String = ClientConfiguration.defaultAPIKeyHeader, secrets: [String], minimumLength: Int)
    {
        self.apiKeyHeader = apiKeyHeader
        let kept = secrets.filter { SecretForms.core($0).utf8.count >= minimumLength }
        var needles = Set<[UInt8]>()
        for secret in kept { needles.formUnion(SecretForms.needles(for: secret)) }
        self.needles = needles.filter { $0.count >= 4 }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1)
        }
        windows = Set(kept.flatMap { SecretForms.windows(of: $0) })
    }

    /// True when there is something to hide.
    package var isActive: Bool { !needles.isEmpty }

    func isSecret(_ headerName: String) -> Bool {
        HeaderName.equal(headerName, apiKeyHeader) || Self.secretHeaders.contains(headerName.lowercased())
    }

    func headerLines(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name): \(isSecret($0.name) ? Self.placeholder : scrub($0.value))" }
    }

    /// Hides every form of every secret in `text`, and any run of eight or more of a secret's characters
    /// (a message that truncated it). For messages: errors, log lines, dumps.
    package func scrub(_ text: String) -> String {
        guard isActive else { return text }
        var bytes = Array(text.utf8)
        var changed = replaceNeedles(in: &bytes)
        if !windows.isEmpty, maskWindows(in: &bytes) { changed = true }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Hides every form of every secret in `text`: the language's stdout and stderr. Costs one `memmem` per
    /// form over the text, and nothing when no secret is set; the text is copied only when it holds one.
    package func scrubOutput(_ text: String) -> String {
        guard isActive else { return text }
        var text = text
        let found = text.withUTF8 { buffer in needles.contains { Self.find($0, in: buffer, from: 0) != nil } }
        guard found else { return text }
        var bytes = Array(text.utf8)
        _ = replaceNeedles(in: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `text` holds a secret in any form (used to hide `$env` variables by value).
    package func reveals(_ text: String) -> Bool {
        guard isActive else { return false }
        var text = text
        return text.withUTF8 { buffer in needles.contains { Self.find($0, in: buffer, from: 0) != nil } }
    }
}

extension Redactor {
    /// Replaces each needle (longest first) everywhere in `bytes`; true when anything changed.
    func replaceNeedles(in bytes: inout [UInt8]) -> Bool {
        var changed = false
        for needle in needles {
            let hits: [Int] = bytes.withUnsafeBufferPointer { buffer in
                var hits: [Int] = []
                var from = 0
                while let at = Self.find(needle, in: buffer, from: from) {
                    hits.append(at)
                    from = at + needle.count
                }
                return hits
            }
            guard !hits.isEmpty else { continue }
            changed = true
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var last = 0
            for at in hits {
                result += bytes[last..<at]
                result += Self.placeholderBytes
                last = at + needle.count
            }
            result += bytes[last...]
            bytes = result
        }
        return changed
    }

    /// Masks each maximal run covered by 8-byte windows of a secret; true when anything changed.
    func maskWindows(in bytes: inout [UInt8]) -> Bool {
        guard bytes.count >= SecretForms.window else { return false }
        var ranges: [Range<Int>] = []
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            word = (word >> 8) | (UInt64(byte) << 56)
            guard index >= SecretForms.window - 1, windows.contains(word) else { continue }
            let start = index - SecretForms.window + 1
            if let last = ranges.last, last.upperBound >= start {
                ranges[ranges.count - 1] = last.lowerBound..<(index + 1)
            } else {
                ranges.append(start..<(index + 1))
            }
        }
        guard !ranges.isEmpty else { return false }
        for range in ranges.reversed() { bytes.replaceSubrange(range, with: Self.placeholderBytes) }
        return true
    }

    /// The offset of the first `needle` in `buffer` at or after `from`: `memchr` to each candidate first
    /// byte, `memcmp` for the rest (Glibc's `memmem` is a GNU extension Swift does not see).
    static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = buffer.baseAddress, let first = needle.first, from >= 0, from <= buffer.count,
            needle.count <= buffer.count - from
        else { return nil }
        let last = buffer.count - needle.count  // the last offset where the needle still fits
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let pattern = pattern.baseAddress else { return nil }
            var at = from
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
                at = offset + 1
            }
            return nil
        }
    }
}
