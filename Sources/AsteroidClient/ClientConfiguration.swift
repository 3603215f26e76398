import Foundation

/// The version `ast` reports in its `User-Agent` (`ast/<version>`).
public enum AsteroidClientVersion {
    public static let current = "0.1.0"
}

/// Everything an `AsteroidClient` needs to know, with safe defaults.
///
/// The API key is a secret: `description`, `debugDescription` and `dump()` of this value show
/// `<redacted>` in its place, and no log line, error or dry-run dump ever contains it.
public struct ClientConfiguration: Sendable {
    public static let defaultBaseURL: URL = {
        var components = URLComponents()
        components.scheme = "https"
        components.host = "odyssey.asteroid.ai"
        components.path = "/agents/v2"
        return components.url ?? URL(fileURLWithPath: "/agents/v2")  // the components are constant: never nil
    }()
    /// The header of the seeds, the published OpenAPI document and the TypeScript SDK. The newest Python SDK
    /// sends `X-Api-Key` for the same scheme; the API (and `ast sandbox`) accept either. Kept as the default
    /// because it is the documented one; `ASTEROID_API_KEY_HEADER=X-Api-Key` switches.
    public static let defaultAPIKeyHeader = "X-Asteroid-Agents-Api-Key"

    /// Every operation path is appended to this (`…/agents/v2`). A trailing slash is ignored.
    public var baseURL: URL
    /// Sent in `apiKeyHeader`. `nil` sends no key (the server will answer 401).
    public var apiKey: String?
    public var apiKeyHeader: String
    public var userAgent: String
    /// Per-request timeout (one attempt). Long-polls (`sync`, `executeSync`) get their wait time on top.
    public var timeout: Duration
    public var retry: RetryPolicy
    /// Opt-in request log: receives one line per request (`→ GET /executions?status=failed`) and per
    /// response (`← 200 in 12 ms`). The API key never appears; see `logHeaders`.
    public var requestLog: (@Sendable (String) -> Void)?
    /// Also log each request header on its own line after the request line (`  X-Asteroid-Agents-Api-Key: <redacted>`).
    public var logHeaders: Bool
    /// Dry-run mode for the language's `--dry-run`.
    ///
    /// When `true`, a mutating operation (any POST or DELETE: pause, cancel, rerun, execute, staging…) is
    /// built and validated exactly as for real, then NOT sent: the client passes a redacted
    /// `DryRunRequest` (method, URL, headers, JSON body) to `onDryRun` and throws an `AsteroidError` of
    /// kind `.dryRun` carrying the same dump in `dryRunRequest`. GETs are still sent, so a script can list
    /// and inspect while only mutations are simulated. Callers that want to continue a script after a
    /// dry-run mutation catch `.dryRun`.
    public var dryRun: Bool
    public var onDryRun: (@Sendable (DryRunRequest) -> Void)?
    /// Your own steps, run on every attempt before auth and the log (see `ClientMiddleware`).
    public var middlewares: [any ClientMiddleware]

    public init(
        baseURL: URL = ClientConfiguration.defaultBaseURL, apiKey: String? = nil,
        apiKeyHeader: String = ClientConfiguration.defaultAPIKeyHeader,
        userAgent: String = "ast/\(AsteroidClientVersion.current)", timeout: Duration = .seconds(30),
        retry: RetryPolicy = RetryPolicy(), requestLog: (@Sendable (String) -> Void)? = nil, logHeaders: Bool = false,
        dryRun: Bool = false, onDryRun: (@Sendable (DryRunRequest) -> Void)? = nil,
        middlewares: [any ClientMiddleware] = []
    ) {
        self.baseURL = Self.trimmed(baseURL)
        self.apiKey = apiKey
        self.apiKeyHeader = apiKeyHeader
        self.userAgent = userAgent
        self.timeout = timeout
        self.retry = retry
        self.requestLog = requestLog
        self.logHeaders = logHeaders
        self.dryRun = dryRun
        self.onDryRun = onDryRun
        self.middlewares = middlewares
    }

    /// Reads `ASTEROID_API_KEY`, `ASTEROID_BASE_URL` (default `https://odyssey.asteroid.ai/agents/v2`,
    /// trailing slash tolerated) and `ASTEROID_API_KEY_HEADER` (default `X-Asteroid-Agents-Api-Key`).
    /// Empty values count as unset. Throws an `AsteroidError` of kind `.configuration` for a base URL that
    /// is not `http(s)://host…`, and for a key with whitespace or a control character in it (see `keyProblem`;
    /// the message never shows the key).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AsteroidError) -> ClientConfiguration {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        // The key is taken as it is: whitespace or a control character in it is an error, not trimmed away.
        let key = environment["ASTEROID_API_KEY"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if let key, let problem = keyProblem(key, source: "ASTEROID_API_KEY") {
            throw AsteroidError(kind: .configuration, detail: problem, field: "ASTEROID_API_KEY")
        }
        var configuration = ClientConfiguration(apiKey: key)
        if let header = value("ASTEROID_API_KEY_HEADER") { configuration.apiKeyHeader = header }
        if let text = value("ASTEROID_BASE_URL") {
            configuration.baseURL = try parseBaseURL(text, source: "ASTEROID_BASE_URL")
        }
        return configuration
    }

    /// Parses a base URL given by a user, naming `source` (e.g. an environment variable) if it is invalid.
    public static func parseBaseURL(_ text: String, source: String = "base URL") throws(AsteroidError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw AsteroidError(
                kind: .configuration, detail: "\(source) \"\(text)\" is not an http(s) URL such as \(defaultBaseURL)",
                field: source)
        }
        return trimmed(url)
    }

    /// Drops trailing slashes; a URL with no path at all (`https://odyssey.asteroid.ai`, the Python SDK's
    /// convention for `host`) gets the API's prefix `/agents/v2`. Any other path is kept as given.
    static func trimmed(_ url: URL) -> URL {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        if let components = URLComponents(string: text), components.path.isEmpty, components.query == nil,
            components.host != nil
        {
            text += apiPrefix
        }
        return URL(string: text) ?? url
    }

    /// The path every operation but `whoami` sits under.
    public static let apiPrefix = "/agents/v2"

    /// The base URL without its trailing `/agents/v2`: where `GET /users/v2/whoami` lives.
    public var hostURL: String {
        let text = baseURL.absoluteString
        return text.hasSuffix(Self.apiPrefix) ? String(text.dropLast(Self.apiPrefix.count)) : text
    }
}

extension ClientConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "ClientConfiguration(baseURL: \(baseURL), apiKey: \(apiKey == nil ? "nil" : "<redacted>"), "
            + "apiKeyHeader: \(apiKeyHeader), userAgent: \(userAgent), timeout: \(timeout), dryRun: \(dryRun))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL, "apiKey": apiKey == nil ? "nil" : "<redacted>", "apiKeyHeader": apiKeyHeader,
                "userAgent": userAgent, "timeout": timeout, "retry": retry, "dryRun": dryRun,
            ])
    }
}
