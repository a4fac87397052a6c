import Foundation

/// Everything a `GitHubClient` needs: where GitHub is, who we are, and how politely to behave.
public struct GitHubConfiguration: Sendable {
    /// The API root: `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server.
    public var baseURL: String
    /// How requests authenticate.
    public var authentication: GitHubAuthentication
    /// The `User-Agent` GitHub requires on every request.
    public var userAgent: String
    /// Waits, retries and spacing.
    public var policy: RateLimitPolicy
    /// Seconds before expiry at which a cached installation token is replaced (60…300).
    public var tokenRefreshMargin: Double
    /// The largest response body read, in bytes.
    public var maxResponseBytes: Int
    /// The per-request timeout in seconds.
    public var requestTimeout: Double
    /// The most pages a list call follows through `Link: rel="next"`.
    public var maxPages: Int

    /// Creates a configuration.
    public init(
        baseURL: String = "https://api.github.com", authentication: GitHubAuthentication, userAgent: String = "pfbot",
        policy: RateLimitPolicy = RateLimitPolicy(), tokenRefreshMargin: Double = 300, maxResponseBytes: Int = 32 * 1024 * 1024,
        requestTimeout: Double = 30, maxPages: Int = 100
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.authentication = authentication
        self.userAgent = userAgent
        self.policy = policy
        self.tokenRefreshMargin = tokenRefreshMargin
        self.maxResponseBytes = maxResponseBytes
        self.requestTimeout = requestTimeout
        self.maxPages = maxPages
    }
}
