import AstRuntime
import Foundation

/// `ast-fuzz regex-bench`: the cost of `=~` over 100,000 outcome strings, the linear engine against the
/// NSRegularExpression (ICU) matching it replaced (which compiled the pattern for every row).
enum RegexBench {
    static func main() -> Int32 {
        let outcomes = [
            "completed successfully", "Timeout after 30s waiting for page", "failed: element not found",
            "cancelled by user", "agent hit a TIMEOUT on step 4",
        ]
        let subjects = (0..<100_000).map { outcomes[$0 % outcomes.count] + " #\($0)" }
        for pattern in ["(?i)timeout", "time(out)?|fail", "^\\w+ \\d+", "(?i)step \\d+$"] {
            do {
                var start = ContinuousClock.now
                var icuMatches = 0
                for subject in subjects {
                    let regex = try NSRegularExpression(pattern: pattern)
                    if regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil {
                        icuMatches += 1
                    }
                }
                let icu = ContinuousClock.now - start
                start = ContinuousClock.now
                var linearMatches = 0
                for subject in subjects where try LinearRegex.compiled(pattern).firstMatchExists(in: subject) {
                    linearMatches += 1
                }
                let linear = ContinuousClock.now - start
                print("\(pattern): ICU \(icu) (\(icuMatches) matches), linear \(linear) (\(linearMatches) matches)")
            } catch {
                print("\(pattern): \(error)")
                return 1
            }
        }
        return 0
    }
}
