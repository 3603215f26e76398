import Foundation

/// One golden script and what it promises: `# expect: LINE` (stdout lines, in order),
/// `# expect like: PATTERN` (a stdout line where `*` matches anything), `# expect error: TEXT` (stderr contains TEXT),
/// `# expect exit: N`, `# sandbox` (needs the API), `# args: A B` (script arguments).
/// Any other `# expect…` form (say `# expect exit:2`) is a mistake in the script, listed in ``problems``.
struct GoldenCase: CustomStringConvertible, Sendable {
    let name: String
    let path: String
    let text: String
    var expectedLines: [String] = []
    var expectedErrors: [String] = []
    var expectedExit: Int32 = 0
    var needsSandbox = false
    var arguments: [String] = []
    /// `FILE:LINE: …` for each directive that is not one of the forms above.
    var problems: [String] = []

    var description: String { name }

    init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
        var exitGiven = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: "# expect") ?? line.range(of: "# sandbox") ?? line.range(of: "# args:")
            else { continue }
            let directive = line[marker.lowerBound...].dropFirst(2)
            if directive.hasPrefix("expect like: ") {
                expectedLines.append("~" + String(directive.dropFirst("expect like: ".count)))
            } else if directive.hasPrefix("expect: ") {
                expectedLines.append(String(directive.dropFirst("expect: ".count)))
            } else if directive == "expect:" {
                expectedLines.append("")
            } else if directive.hasPrefix("expect error: ") {
                expectedErrors.append(String(directive.dropFirst("expect error: ".count)))
            } else if directive.hasPrefix("expect exit: "),
                let code = Int32(directive.dropFirst("expect exit: ".count).trimmingCharacters(in: .whitespaces))
            {
                expectedExit = code
                exitGiven = true
            } else if directive == "sandbox" {
                needsSandbox = true
            } else if directive.hasPrefix("args: ") {
                arguments = directive.dropFirst("args: ".count).split(separator: " ").map(String.init)
            } else {
                problems.append("\(name):\(index + 1): unknown directive «# \(directive)»")
            }
        }
        if !exitGiven, !expectedErrors.isEmpty { expectedExit = -1 }
    }

    /// Every `.ast` file under Golden/, sorted by path.
    static let all: [GoldenCase] = {
        guard let root = Bundle.module.url(forResource: "Golden", withExtension: nil) else { return [] }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var cases: [GoldenCase] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "ast", let data = FileManager.default.contents(atPath: url.path) else {
                continue
            }
            let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
            cases.append(GoldenCase(name: name, path: url.path, text: String(decoding: data, as: UTF8.self)))
        }
        return cases.sorted { $0.name < $1.name }
    }()
}

extension GoldenCase {
    /// Whether an output line meets an expectation (exact, or `~pattern` with `*` wildcards).
    static func matches(_ line: String, _ expected: String) -> Bool {
        guard expected.hasPrefix("~") else { return line == expected }
        let parts = expected.dropFirst().components(separatedBy: "*").map(NSRegularExpression.escapedPattern(for:))
        let pattern = "^" + parts.joined(separator: ".*") + "$"
        return line.range(of: pattern, options: .regularExpression) != nil
    }
}
